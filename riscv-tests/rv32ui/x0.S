/* x0 is hardwired to zero: a write to it from any instruction format is discarded,
 * and any read of it returns 0. Every op below targets rd = x0 with a nonzero result. */
#include "ui_macros.h"

/* x0 must read 0 both directly and as an operand (add, addi, sw). Uses a0, t0. */
#define X0_IS_ZERO(n)                                             \
        li TESTNUM, n;                                            \
        bnez x0, fail;                                            \
        li a0, 0x1111;                                            \
        add a0, x0, x0;                                           \
        bnez a0, fail;                                            \
        addi a0, x0, 0;                                           \
        bnez a0, fail;                                            \
        la t0, scratch;                                           \
        li a0, -1;                                                \
        sw a0, 0(t0);                                             \
        sw x0, 0(t0);                                             \
        lw a0, 0(t0);                                             \
        bnez a0, fail

TV_BEGIN
        li a1, 0x12345678
        li a2, 0x0000000f
        la a3, nonzero

        /* R-type */
        add  x0, a1, a2
        X0_IS_ZERO(1)
        sub  x0, a1, a2
        sll  x0, a1, a2
        slt  x0, a2, a1
        sltu x0, a2, a1
        xor  x0, a1, a2
        srl  x0, a1, a2
        sra  x0, a1, a2
        or   x0, a1, a2
        and  x0, a1, a2
        X0_IS_ZERO(2)
        /* I-type ALU (with rs1 != x0 and with rs1 = x0) */
        addi  x0, a1, 1
        X0_IS_ZERO(3)
        addi  x0, x0, 2047
        slti  x0, x0, 1
        sltiu x0, x0, -1
        xori  x0, a1, -1
        ori   x0, a1, 0x7ff
        andi  x0, a1, -1
        slli  x0, a1, 3
        srli  x0, a1, 3
        srai  x0, a1, 3
        X0_IS_ZERO(4)
        /* I-type loads */
        lw  x0, 0(a3)
        X0_IS_ZERO(5)
        lh  x0, 0(a3)
        lhu x0, 2(a3)
        lb  x0, 0(a3)
        lbu x0, 3(a3)
        X0_IS_ZERO(6)
        /* U-type */
        lui   x0, 0xfffff
        X0_IS_ZERO(7)
        auipc x0, 0x00001
        X0_IS_ZERO(8)
        /* J-type: link discarded, jump still happens */
        li TESTNUM, 9
        jal x0, 10f
        j fail
10:     X0_IS_ZERO(9)
        /* I-type jalr: link discarded, jump still happens */
        li TESTNUM, 10
        la a4, 11f
        jalr x0, 0(a4)
        j fail
11:     X0_IS_ZERO(10)
        /* a chain where x0 is written then immediately read */
        li TESTNUM, 11
        addi x0, x0, 5
        addi x0, x0, 5
        add  a0, x0, a2
        bne  a0, a2, fail
        lw   x0, 0(a3)
        addi a0, x0, 1
        li   t0, 1
        bne  a0, t0, fail
        /* sources untouched by all of the above */
        TV_CHECK_REG(12, a1, 0x12345678)
        TV_CHECK_REG(13, a2, 0x0000000f)
        TV_PASS
TV_END

        .data
        .align 4
nonzero: .word 0x89abcdef
scratch: .word 0
