/* sltiu rd, rs1, imm: imm12 is sign-extended, then both compared UNSIGNED.
 * So imm = -1 compares against 0xffffffff and imm = -2048 against 0xfffff800. */
#include "ui_macros.h"
TV_BEGIN
        I_OP( 1, sltiu, 0, 0x00000000, 0)                  /* nothing is below 0 */
        I_OP( 2, sltiu, 0, 0xffffffff, 0)
        I_OP( 3, sltiu, 1, 0x00000000, 1)                  /* sltiu rd, rs, 1 == seqz */
        I_OP( 4, sltiu, 0, 0x00000001, 1)
        I_OP( 5, sltiu, 0, 0x80000000, 1)
        I_OP( 6, sltiu, 1, 0x00000003, 7)
        I_OP( 7, sltiu, 0, 0x00000007, 3)
        I_OP( 8, sltiu, 1, 0x000007fe, 2047)
        I_OP( 9, sltiu, 0, 0x000007ff, 2047)
        I_OP(10, sltiu, 0, 0x80000000, 2047)               /* large unsigned */
        /* imm -1 -> 0xffffffff: every value except 0xffffffff is below it */
        I_OP(11, sltiu, 1, 0x00000000, -1)
        I_OP(12, sltiu, 1, 0x7fffffff, -1)
        I_OP(13, sltiu, 1, 0x80000000, -1)
        I_OP(14, sltiu, 1, 0xfffffffe, -1)
        I_OP(15, sltiu, 0, 0xffffffff, -1)
        /* imm -2048 -> 0xfffff800 */
        I_OP(16, sltiu, 1, 0xfffff7ff, -2048)
        I_OP(17, sltiu, 0, 0xfffff800, -2048)
        I_OP(18, sltiu, 0, 0xfffff801, -2048)
        I_OP(19, sltiu, 1, 0x7fffffff, -2048)
        I_OP_SAME(20, sltiu, 1, 0x00000010, 17)
        I_OP_Z(21, sltiu, 1, -1)
        I_OP_Z(22, sltiu, 0, 0)
        I_OP_X0(23, sltiu, 0x00000000, -1)
        TV_PASS
TV_END
