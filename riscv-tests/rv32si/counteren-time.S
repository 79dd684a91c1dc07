# time/timeh CSRs (0xC01/0xC81) read the CLINT mtime; in S they need mcounteren.TM,
# in U both mcounteren.TM and scounteren.TM. QEMU's spike machine has no rdtime source
# (time is illegal in every mode there), so this file fails under QEMU by design.
#include "../rv32mi/priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        PMP_ALLOW_ALL
        csrw mie, zero
        csrw medeleg, zero
        csrw mcounteren, zero
        csrw scounteren, zero
        # M: time matches mtime and moves
        TRAP_CLEAR
        li t0, CLINT_MTIME
        lw a2, 0(t0)
        csrr a1, time
        lw a3, 0(t0)
        CHECK_NO_TRAP(1)
        li TESTNUM, 2
        bltu a1, a2, fail
        bltu a3, a1, fail
        lw a2, 4(t0)
        csrr a1, timeh
        TV_CHECK_EQ(3, a1, a2)
        EXPECT_ILLEGAL(4, csrw time, zero)      # read-only

        TRAP_CLEAR
        ENTER_S(s1)
s1:     EXPECT_ILLEGAL(10, csrr a1, time)
        EXPECT_ILLEGAL(11, csrr a1, timeh)
        BACK_TO_M(m1)
        j fail
m1:     li a0, 2
        csrw mcounteren, a0
        TRAP_CLEAR
        ENTER_S(s2)
s2:     EXPECT_OK(20, csrr a1, time)
        EXPECT_OK(21, csrr a1, timeh)
        BACK_TO_M(m2)
        j fail
m2:     TRAP_CLEAR
        ENTER_U(u1)
u1:     EXPECT_ILLEGAL(30, csrr a1, time)       # scounteren.TM=0
        BACK_TO_M(m3)
        j fail
m3:     li a0, 2
        csrw scounteren, a0
        TRAP_CLEAR
        ENTER_U(u2)
u2:     EXPECT_OK(40, csrr a1, time)
        EXPECT_OK(41, csrr a1, timeh)
        BACK_TO_M(m4)
        j fail
m4:     TV_PASS
M_TRAP_HANDLER
TV_END
