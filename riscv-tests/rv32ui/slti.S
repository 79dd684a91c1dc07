/* slti rd, rs1, imm: rd = (signed)rs1 < (signed)sext(imm12) ? 1 : 0. */
#include "ui_macros.h"
TV_BEGIN
        I_OP( 1, slti, 0, 0x00000000, 0)
        I_OP( 2, slti, 0, 0x00000001, 1)
        I_OP( 3, slti, 1, 0x00000003, 7)
        I_OP( 4, slti, 0, 0x00000007, 3)
        I_OP( 5, slti, 1, 0x00000000, 2047)
        I_OP( 6, slti, 0, 0x000007ff, 2047)                /* equal */
        I_OP( 7, slti, 1, 0x000007fe, 2047)
        /* negative immediates are sign-extended and compared as signed */
        I_OP( 8, slti, 0, 0x00000000, -2048)
        I_OP( 9, slti, 1, 0xfffff7ff, -2048)               /* -2049 < -2048 */
        I_OP(10, slti, 0, 0xfffff800, -2048)               /* equal */
        I_OP(11, slti, 1, 0xffffffff, 0)                   /* -1 < 0 */
        I_OP(12, slti, 0, 0x00000000, -1)
        I_OP(13, slti, 1, 0xfffffffe, -1)
        I_OP(14, slti, 1, 0x80000000, 0)                   /* INT_MIN */
        I_OP(15, slti, 1, 0x80000000, -2048)
        I_OP(16, slti, 0, 0x7fffffff, 2047)                /* INT_MAX */
        I_OP(17, slti, 0, 0x7fffffff, -1)
        I_OP(18, slti, 1, 0xffffffff, 1)
        I_OP_SAME(19, slti, 1, 0xfffffff0, 16)
        I_OP_Z(20, slti, 1, 1)                             /* 0 < 1 */
        I_OP_Z(21, slti, 0, -1)                            /* 0 < -1 is false */
        I_OP_X0(22, slti, 0x00000000, 1)
        TV_PASS
TV_END
