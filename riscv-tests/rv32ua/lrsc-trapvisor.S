/* trapvisor-specific: LR.W / SC.W behaviour that the A extension leaves to the
 * implementation, as trapvisor defines it. A spec-conforming implementation may
 * fail this file (lrsc.S holds the portable checks).
 *
 * trapvisor's reservation is exactly the word the LR.W read (the reservation set is
 * that one aligned word), and SC.W never fails spuriously. The reservation is
 * invalidated by:
 *   - any SC.W (to any address, successful or not),
 *   - trap entry and xRET (MRET here),
 *   - a store by the hart to the reserved word (SW, SB; also an AMO to it),
 *   - a later LR.W (which replaces it).
 * It survives loads, ALU instructions and stores to other words. A failed SC.W
 * returns exactly 1 (the spec's "unspecified failure" code).
 *
 * QEMU 7.2 fails checks 12-15 by design: its SC.W succeeds when the reserved word
 * still holds the value the LR.W read, so same-hart stores do not invalidate.
 * (Its reservation is also a single address, dropped by trap entry and MRET, so
 * the other checks pass there.)
 * Written from the RISC-V unprivileged spec (A extension) for trapvisor.
 */
#include "ua_macros.h"

/* Set word_a and word_b to known values, a1 = &word_a, a3 = &word_b. */
#define RESET_WORDS                                               \
        la a1, word_a; li t0, 0x0000aaaa; sw t0, 0(a1);           \
        la a3, word_b; li t0, 0x0000bbbb; sw t0, 0(a3)

#define WORD_IS(n, label, expect)                                 \
        la t0, label;                                             \
        lw t1, 0(t0);                                             \
        TV_CHECK_REG(n, t1, expect)

/* The SC result register must say success, and word_a must now hold value. */
#define SC_OK(n, reg, value)                                      \
        TV_CHECK_REG(n, reg, 0);                                  \
        WORD_IS(n, word_a, value)

/* The SC result register must be exactly 1, and word_a must still hold value. */
#define SC_FAILED(n, reg, value)                                  \
        TV_CHECK_REG(n, reg, 1);                                  \
        WORD_IS(n, word_a, value)

TV_BEGIN
        SET_MTVEC(m_trap_rec)
        li a2, 0x12345678

        /* 1: a single LR/SC pair succeeds at the first attempt */
        RESET_WORDS
        lr.w a0, (a1)
        addi a0, a0, 1
        sc.w a4, a0, (a1)
        SC_OK(1, a4, 0x0000aaab)

        /* 2: SC with no reservation returns exactly 1 */
        sc.w a4, a2, (a1)
        SC_FAILED(2, a4, 0x0000aaab)

        /* 3-4: SC to a word other than the reserved one fails and does not write */
        RESET_WORDS
        lr.w a0, (a1)
        sc.w a4, a2, (a3)
        TV_CHECK_REG(3, a4, 1)
        WORD_IS(4, word_b, 0x0000bbbb)
        /* ... nor the next word of the same 64-byte block */
        lr.w a0, (a1)
        addi a5, a1, 4
        sc.w a4, a2, (a5)
        TV_CHECK_REG(5, a4, 1)
        WORD_IS(5, word_a1, 0x0a1a0a1a)
        sc.w a4, a2, (a1)            /* (the reservation went with that SC) */
        SC_FAILED(6, a4, 0x0000aaaa)

        /* 7-8: a second LR replaces the reservation: SC pairs with the newest LR only */
        RESET_WORDS
        lr.w a0, (a1)
        lr.w a0, (a3)
        sc.w a4, a2, (a1)
        SC_FAILED(7, a4, 0x0000aaaa)
        lr.w a0, (a1)
        lr.w a0, (a3)
        sc.w a4, a2, (a3)
        TV_CHECK_REG(8, a4, 0)
        WORD_IS(8, word_b, 0x12345678)

        /* 9-11: loads, ALU work and stores to other words keep the reservation */
        RESET_WORDS
        lr.w a0, (a1)
        lw t1, 0(a3)
        lw t1, 0(a1)
        sw t1, 0(a3)
        sw t1, 4(a1)                 /* even the next word */
        sb t1, -1(a1)                /* and the byte just below */
        xori a5, a0, -1
        sc.w a4, a5, (a1)
        SC_OK(9, a4, 0xffff5555)
        WORD_IS(10, word_b, 0x0000aaaa)
        la t0, word_a1
        li t1, 0x0a1a0a1a
        sw t1, 0(t0)
        la t0, word_lo
        li t1, GUARD_LO
        sw t1, 0(t0)

        /* 12: a store of the same value to the reserved word invalidates it */
        RESET_WORDS
        lr.w a0, (a1)
        sw a0, 0(a1)
        sc.w a4, a2, (a1)
        SC_FAILED(12, a4, 0x0000aaaa)

        /* 13: so does a store of a different value (SC would otherwise succeed) */
        lr.w a0, (a1)
        li t1, 0x0000cccc
        sw t1, 0(a1)
        sw a0, 0(a1)                 /* ... even when the old value is put back */
        sc.w a4, a2, (a1)
        SC_FAILED(13, a4, 0x0000aaaa)

        /* 14: a byte store to the reserved address */
        lr.w a0, (a1)
        sb a0, 0(a1)
        sc.w a4, a2, (a1)
        SC_FAILED(14, a4, 0x0000aaaa)

        /* 15: an AMO that leaves the word unchanged still writes it */
        lr.w a0, (a1)
        amoadd.w t1, zero, (a1)
        sc.w a4, a2, (a1)
        SC_FAILED(15, a4, 0x0000aaaa)

        /* 16-17: trap entry alone (the handler continues in M-mode without MRET) */
        RESET_WORDS
        lr.w a0, (a1)
        TRAP_CLEAR
        la s6, 16f
        ecall
        j fail
16:     TV_CHECK_REG(16, s9, CAUSE_ECALL_M)
        sc.w a4, a2, (a1)
        SC_FAILED(17, a4, 0x0000aaaa)

        /* 18: MRET alone (mepc = the next instruction, MPP = M) */
        lr.w a0, (a1)
        li t0, MSTATUS_MPP
        csrs mstatus, t0
        la t0, 18f
        csrw mepc, t0
        mret
        j fail
18:     sc.w a4, a2, (a1)
        SC_FAILED(18, a4, 0x0000aaaa)

        /* 20-21: a trap that returns (EBREAK, handler skips it with MRET) */
        lr.w a0, (a1)
        TRAP_CLEAR
21:     ebreak
        CHECK_MTRAP(21, CAUSE_BREAKPOINT, 21b)
        sc.w a4, a2, (a1)
        SC_FAILED(20, a4, 0x0000aaaa)

        /* 22: the reservation does not come back with a later trap-free return:
         * LR, trap, LR of another word, SC of the first word fails */
        lr.w a0, (a1)
        ebreak
        lr.w a0, (a3)
        sc.w a4, a2, (a1)
        SC_FAILED(22, a4, 0x0000aaaa)

        /* 23: after all that, a plain pair works again */
        lr.w a0, (a1)
        sc.w a4, a2, (a1)
        SC_OK(23, a4, 0x12345678)
        WORD_IS(24, word_lo, GUARD_LO)
        WORD_IS(25, word_b, 0x0000bbbb)
        TV_PASS
M_TRAP_HANDLER
TV_END
        .data
        .align 6
word_lo: .word GUARD_LO
word_a:  .word 0
word_a1: .word 0x0a1a0a1a
        .align 6
word_b:  .word 0
