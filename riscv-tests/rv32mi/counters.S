# mcycle/minstret (+h): count up, are writable from M (both halves), and the
# unprivileged cycle/instret(+h) shadows show the same counters.
# (Exact instret arithmetic and 64-bit carry: counters-exact.S)
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

        # writes (exact post-write values: minstret-exact.S)
        li a0, 0x40000000
        csrw minstret, a0
        csrw minstreth, zero
        csrr a1, minstret
        sub a1, a1, a0
        li TESTNUM, 3
        li a2, 0x100000
        bgeu a1, a2, fail                       # 0x40000000 <= value < 0x40100000
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

        # the shadow reads the same counter: instret read after minstret is not smaller
        # and not far ahead
        csrr a1, minstret
        csrr a2, instret
        sub a3, a2, a1
        li TESTNUM, 11
        li t0, 0x100000
        bgeu a3, t0, fail
        CHECK_NO_TRAP(12)
        TV_PASS
M_TRAP_HANDLER
TV_END
