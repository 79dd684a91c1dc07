/* LR.W / SC.W: only what the A extension requires of every implementation.
 *
 *   - LR.W loads the word (the value is not changed by the reservation).
 *   - SC.W writes rs2 and returns 0 on success; on failure it returns a nonzero
 *     code and does not write memory.
 *   - SC.W without any reservation fails (nothing has executed an LR since reset).
 *   - Every SC.W, successful or not, invalidates the reservation: a second SC.W
 *     must fail, whatever address the first one used.
 *   - Success is only guaranteed for a constrained LR/SC loop (the spec lets an
 *     implementation fail any single attempt), so successful pairs are written as
 *     retry loops: LR, SC, branch back, with only base ALU instructions in between.
 *     A loop gives up (and the check fails) after 100 attempts.
 *   - An SC to another word may succeed (the reservation set may be larger than
 *     the word); only its consistency is checked: it wrote exactly when it said so.
 * Behaviour that the spec leaves to the implementation (SC to another word, a
 * same-hart store or a trap between LR and SC) is in lrsc-trapvisor.S.
 * Written from the RISC-V unprivileged spec (A extension) for trapvisor.
 */
#include "ua_macros.h"

/* Constrained loop: a0 = lr.w (a1), then sc.w a4, a2, (a1); retried until a4 = 0.
 * lr/sc are the (possibly annotated) mnemonics to use. Fails check n after 100 tries. */
#define LRSC_LOOP(n, lr, sc)                                      \
        li TESTNUM, n;                                            \
        li t3, 100;                                               \
1:      lr a0, (a1);                                              \
        sc a4, a2, (a1);                                          \
        beqz a4, 2f;                                              \
        addi t3, t3, -1;                                          \
        bnez t3, 1b;                                              \
        j fail;                                                   \
2:

/* The word at label must hold expect. */
#define WORD_IS(n, label, expect)                                 \
        la t0, label;                                             \
        lw t1, 0(t0);                                             \
        TV_CHECK_REG(n, t1, expect)

TV_BEGIN
        /* 1-2: SC with no reservation at all (no LR since reset) fails and does not write */
        la a1, word_a
        li a2, 0xdeadbeef
        li a4, 0
        sc.w a4, a2, (a1)
        li TESTNUM, 1
        beqz a4, fail
        WORD_IS(2, word_a, 0x11111111)

        /* 3-5: LR/SC success: LR returns the old word, SC returns 0 and stores */
        la a1, word_a
        li a2, 0x80000000
        LRSC_LOOP(3, lr.w, sc.w)
        TV_CHECK_REG(4, a0, 0x11111111)
        WORD_IS(5, word_a, 0x80000000)

        /* 6-7: a second SC after the successful one fails and does not write */
        li a3, 0x12341234
        sc.w a4, a3, (a1)
        li TESTNUM, 6
        beqz a4, fail
        WORD_IS(7, word_a, 0x80000000)

        /* 8-9: LR sees the value just stored by SC (sign bit set, no change on RV32) */
        li a2, 0x7fffffff
        LRSC_LOOP(8, lr.w, sc.w)
        TV_CHECK_REG(9, a0, 0x80000000)
        WORD_IS(10, word_a, 0x7fffffff)

        /* 11-14: LR a; SC to word b (may succeed or fail, but must be consistent);
         * SC a after that must fail because an SC came in between */
        la a1, word_a
        la a3, word_b
        li a2, 0x0bbbbbbb
        li a5, 0x0aaaaaaa
        lr.w a0, (a1)
        sc.w a4, a2, (a3)
        sc.w a6, a5, (a1)
        TV_CHECK_REG(11, a0, 0x7fffffff)
        li TESTNUM, 12
        beqz a6, fail
        WORD_IS(13, word_a, 0x7fffffff)
        la t0, word_b
        lw t1, 0(t0)
        li TESTNUM, 14
        bnez a4, 15f
        li t2, 0x0bbbbbbb            /* SC b said success: b was written */
        bne t1, t2, fail
        j 16f
15:     li t2, 0x22222222            /* SC b said failure: b is untouched */
        bne t1, t2, fail
16:

        /* 17-19: a failed SC leaves the reservation invalid; repeated SCs keep failing */
        la a1, word_a
        li a2, 0x5555aaaa
        sc.w a4, a2, (a1)
        sc.w a5, a2, (a1)
        li TESTNUM, 17
        beqz a4, fail
        li TESTNUM, 18
        beqz a5, fail
        WORD_IS(19, word_a, 0x7fffffff)

        /* 20-25: ordering annotations: lr.w.aq / sc.w.rl and lr.w.aqrl / sc.w.aqrl */
        la a1, word_a
        li a2, 0xfedcba98
        LRSC_LOOP(20, lr.w.aq, sc.w.rl)
        TV_CHECK_REG(20, a0, 0x7fffffff)
        WORD_IS(21, word_a, 0xfedcba98)
        li a2, 0x01234567
        LRSC_LOOP(22, lr.w.aqrl, sc.w.aqrl)
        TV_CHECK_REG(22, a0, 0xfedcba98)
        WORD_IS(23, word_a, 0x01234567)
        li a2, 0x00000001
        LRSC_LOOP(24, lr.w.rl, sc.w.aq)
        TV_CHECK_REG(24, a0, 0x01234567)
        WORD_IS(25, word_a, 0x00000001)

        /* 26-27: lr.w with rd = rs1 (the address is used before rd is written) */
        la a1, word_b
        lr.w a1, (a1)
        la t0, word_b
        lw t1, 0(t0)
        TV_CHECK_EQ(26, a1, t1)
        la a1, word_a
        sc.w a4, a2, (a1)            /* drop the reservation, whatever it covers */
        WORD_IS(27, word_a, 0x00000001)

        /* 28-30: sc.w with rd = rs2: the old rs2 is stored, then rd = 0 */
        li TESTNUM, 28
        li t3, 100
30:     la a1, word_a
        li a2, 0x600dcafe
        lr.w a0, (a1)
        sc.w a2, a2, (a1)
        beqz a2, 31f
        addi t3, t3, -1
        bnez t3, 30b
        j fail
31:     TV_CHECK_REG(29, a0, 0x00000001)
        WORD_IS(30, word_a, 0x600dcafe)

        /* 32-33: sc.w with rd = rs1: stores to the old rs1, then rd = 0 */
        li TESTNUM, 32
        li t3, 100
32:     la a1, word_a
        li a2, 0x00feed00
        lr.w a0, (a1)
        sc.w a1, a2, (a1)
        beqz a1, 33f
        addi t3, t3, -1
        bnez t3, 32b
        j fail
33:     WORD_IS(33, word_a, 0x00feed00)

        /* 34-36: sc.w with rd = x0: x0 stays 0; the word is either stored or not,
         * and the reservation is gone afterwards in both cases */
        la a1, word_a
        li a2, 0x0000ffff
        lr.w a0, (a1)
        sc.w x0, a2, (a1)
        TV_CHECK_REG(34, x0, 0)
        la t0, word_a
        lw t1, 0(t0)
        li TESTNUM, 35
        li t2, 0x0000ffff
        beq t1, t2, 36f
        li t2, 0x00feed00
        bne t1, t2, fail
36:     li a3, 0x0bad0bad
        sc.w a4, a3, (a1)
        li TESTNUM, 36
        beqz a4, fail
        la t0, word_a
        lw t2, 0(t0)
        TV_CHECK_EQ(36, t1, t2)

        /* 37-38: the neighbours of the words used were never written */
        WORD_IS(37, word_lo, GUARD_LO)
        WORD_IS(38, word_hi, GUARD_HI)
        TV_PASS
TV_END
        .data
        .align 6
word_lo: .word GUARD_LO
word_a:  .word 0x11111111
        .align 6
word_b:  .word 0x22222222
word_hi: .word GUARD_HI
