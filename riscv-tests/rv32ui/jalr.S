/* jalr rd, off(rs1): target = (rs1 + sext(off12)) & ~1; rd = pc + 4.
 * The target is computed from the OLD rs1 even when rd == rs1. */
#include "ui_macros.h"

/* rs1 = target + adj; jalr rd, imm(rs1) must land on target (adj + imm in {0, 1})
 * and leave rd = address after the jalr. Uses t0; rd and rs are a-registers. */
#define JALR_CHK(n, rd, rs, adj, imm)                             \
        li TESTNUM, n;                                            \
        la rs, 3f + (adj);                                        \
1:      jalr rd, imm(rs);                                         \
2:      j fail;                                                   \
        j fail;                                                   \
3:      la t0, 2b;                                                \
        bne rd, t0, fail

TV_BEGIN
        JALR_CHK( 1, ra, a1, 0, 0)
        JALR_CHK( 2, a0, a1, -8, 8)                        /* positive offset */
        JALR_CHK( 3, a0, a1, 16, -16)                      /* negative offset */
        JALR_CHK( 4, a0, a1, -2047, 2047)                  /* largest offset; odd base */
        JALR_CHK( 5, a0, a1, 2048, -2048)                  /* most negative offset */
        /* bit 0 of the sum is cleared */
        JALR_CHK( 6, a0, a1, 0, 1)
        JALR_CHK( 7, a0, a1, 1, 0)
        JALR_CHK( 8, a0, a1, 3, -2)
        JALR_CHK( 9, a0, a1, -2046, 2047)
        /* rd == rs1: jump uses the old value, then rd gets the link */
        JALR_CHK(10, a1, a1, 0, 0)
        JALR_CHK(11, a1, a1, -4, 4)
        JALR_CHK(12, a1, a1, 1, 0)
        JALR_CHK(13, ra, ra, 5, -4)

        /* rs1 preserved when rd != rs1 */
        li TESTNUM, 14
        la a1, 10f
        mv a2, a1
        jalr a0, 0(a1)
        j fail
10:     bne a1, a2, fail

        /* jalr x0 (plain indirect jump): nothing is written */
        li TESTNUM, 15
        li ra, 0x55
        la a1, 11f
        jalr x0, 0(a1)
        j fail
11:     bnez x0, fail
        li t0, 0x55
        bne ra, t0, fail

        /* backward indirect jump */
        li TESTNUM, 16
        j 12f
13:     j 14f
        j fail
12:     la a1, 13b
        jalr a0, 0(a1)
15:     j fail
14:     la t0, 15b
        bne a0, t0, fail

        /* jump table loaded from memory */
        li TESTNUM, 17
        li a0, 0
        la a3, jtab
        lw a1, 4(a3)
        jalr ra, 0(a1)              /* -> case1: a0 += 2 */
        lw a1, 8(a3)
        jalr ra, 0(a1)              /* -> case2: a0 += 3 */
        lw a1, 0(a3)
        jalr ra, 1(a1)              /* -> case0 (bit 0 cleared): a0 += 1 */
        li t0, 6
        bne a0, t0, fail

        /* call / return with the return address in a non-ra register */
        li TESTNUM, 18
        li a0, 7
        la a1, case2
        jalr ra, 0(a1)
        la a1, ret_t2
        jalr t2, 0(a1)
        li t0, 20
        bne a0, t0, fail
        TV_PASS

case0:  addi a0, a0, 1
        ret
case1:  addi a0, a0, 2
        jalr x0, 0(ra)
case2:  addi a0, a0, 3
        jalr x0, 0(ra)
ret_t2: addi a0, a0, 10
        jalr x0, 0(t2)
TV_END

        .data
        .align 4
jtab:   .word case0, case1, case2
