/* addi rd, rs1, imm: rd = rs1 + sext(imm12), modulo 2^32. */
#include "ui_macros.h"
TV_BEGIN
        I_OP( 1, addi, 0x00000000, 0x00000000, 0)
        I_OP( 2, addi, 0x00000002, 0x00000001, 1)
        I_OP( 3, addi, 0x0000000a, 0x00000003, 7)
        /* immediate extremes, sign-extended from bit 11 */
        I_OP( 4, addi, 0x000007ff, 0x00000000, 2047)
        I_OP( 5, addi, 0xfffff800, 0x00000000, -2048)
        I_OP( 6, addi, 0x00000fff, 0x00000800, 2047)
        I_OP( 7, addi, 0x00000000, 0x00000800, -2048)
        I_OP( 8, addi, 0xffffffff, 0x00000000, -1)
        I_OP( 9, addi, 0x00000000, 0x00000001, -1)
        I_OP(10, addi, 0x12345677, 0x12345678, -1)
        /* signed overflow wraps */
        I_OP(11, addi, 0x80000000, 0x7fffffff, 1)
        I_OP(12, addi, 0x800007fe, 0x7fffffff, 2047)
        I_OP(13, addi, 0x7fffffff, 0x80000000, -1)
        I_OP(14, addi, 0x7ffff800, 0x80000000, -2048)
        I_OP(15, addi, 0x000007fe, 0xffffffff, 2047)
        /* rd == rs1, x0 source (li), x0 destination (hint: discarded) */
        I_OP_SAME(16, addi, 0x00000018, 0x0000000d, 11)
        I_OP_SAME(17, addi, 0xfffff7ff, 0xffffffff, -2048)
        I_OP_Z(18, addi, 0x000007ff, 2047)
        I_OP_Z(19, addi, 0xfffff800, -2048)
        I_OP_X0(20, addi, 0x00000005, 7)

        /* dependent chain */
        li a1, 0
        addi a1, a1, 100
        addi a1, a1, -1
        addi a2, a1, 2047
        addi a3, a2, -2048
        TV_CHECK_REG(21, a3, 98)
        TV_PASS
TV_END
