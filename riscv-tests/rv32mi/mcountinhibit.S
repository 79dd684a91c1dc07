# mcountinhibit: CY (bit 0) stops mcycle, IR (bit 2) stops minstret; bit 1 (TM) is
# clearing resumes counting. (Bit 1, TM, reads zero: mcountinhibit-tm.S)
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        li a0, 5
        csrw mcountinhibit, a0
        csrr a1, mcountinhibit
        CHECK_MASKED(1, a1, 7, 5)

        csrr a1, minstret
        csrr a2, mcycle
        .rept 20
        nop
        .endr
        csrr a3, minstret
        csrr a4, mcycle
        TV_CHECK_EQ(3, a1, a3)
        TV_CHECK_EQ(4, a2, a4)
        # writes still work while inhibited
        li a0, 1000
        csrw minstret, a0
        csrr a1, minstret
        TV_CHECK_REG(5, a1, 1000)

        # only IR inhibited: cycle runs
        li a0, 4
        csrw mcountinhibit, a0
        csrr a2, mcycle
        .rept 20
        nop
        .endr
        csrr a4, mcycle
        li TESTNUM, 6
        beq a2, a4, fail
        csrr a1, minstret
        TV_CHECK_REG(7, a1, 1000)

        # nothing inhibited: instret runs
        csrw mcountinhibit, zero
        nop
        nop
        csrr a1, minstret
        li TESTNUM, 8
        li t0, 1000
        beq a1, t0, fail
        CHECK_NO_TRAP(9)
        TV_PASS
M_TRAP_HANDLER
TV_END
