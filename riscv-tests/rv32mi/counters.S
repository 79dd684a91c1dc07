# mcycle/minstret (+h): count up, are writable from M (both halves), and the
# unprivileged cycle/instret(+h) shadows show the same counters.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        csrw mcountinhibit, zero
        csrr a1, minstret
        nop
        nop
        csrr a2, minstret
        sub a3, a2, a1
        li TESTNUM, 1
        beqz a3, fail                           # instret advanced
        csrr a1, mcycle
        li a4, 100
1:      addi a4, a4, -1
        bnez a4, 1b
        csrr a2, mcycle
        li TESTNUM, 2
        beq a1, a2, fail                        # cycle advanced

        # writes
        csrw minstret, zero
        csrw minstreth, zero
        csrr a1, minstret
        li TESTNUM, 3
        sltiu a2, a1, 16                        # small again
        beqz a2, fail
        csrr a1, minstreth
        TV_CHECK_REG(4, a1, 0)
        li a0, 0x12345
        csrw minstreth, a0
        csrr a1, minstreth
        TV_CHECK_REG(5, a1, 0x12345)
        csrr a1, instreth                       # shadow agrees
        TV_CHECK_REG(6, a1, 0x12345)
        li a0, 0x6789a
        csrw mcycleh, a0
        csrr a1, mcycleh
        TV_CHECK_REG(7, a1, 0x6789a)
        csrr a1, cycleh
        TV_CHECK_REG(8, a1, 0x6789a)

        # carry from the low half into the high half
        li a0, 0
        csrw minstreth, a0
        li a0, -8
        csrw minstret, a0
        .rept 16
        nop
        .endr
        csrr a1, minstreth
        TV_CHECK_REG(9, a1, 1)
        li a0, -64
        csrw mcycle, a0
        csrw mcycleh, zero
        li a4, 100
2:      addi a4, a4, -1
        bnez a4, 2b
        csrr a1, mcycleh
        TV_CHECK_REG(10, a1, 1)

        # shadows read the same counter (instret read right after minstret differs a little)
        csrr a1, minstret
        csrr a2, instret
        sub a3, a2, a1
        li TESTNUM, 11
        sltiu a3, a3, 8
        beqz a3, fail
        CHECK_NO_TRAP(12)
        TV_PASS
M_TRAP_HANDLER
TV_END
