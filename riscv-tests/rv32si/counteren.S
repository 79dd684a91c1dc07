# mcounteren / scounteren gate cycle(h) (bit 0 CY) and instret(h) (bit 2 IR):
# in S a read needs the mcounteren bit; in U it needs both mcounteren and scounteren
# bits; otherwise illegal instruction (to M here, medeleg=0). M is never gated.
# (time/timeh, bit 1 TM: counteren-time.S)
#include "../rv32mi/priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        PMP_ALLOW_ALL
        csrw mie, zero
        csrw medeleg, zero
        # the CY/TM/IR bits are writable
        li a0, 7
        csrw mcounteren, a0
        csrr a1, mcounteren
        CHECK_MASKED(1, a1, 7, 7)
        csrw scounteren, a0
        csrr a1, scounteren
        CHECK_MASKED(2, a1, 7, 7)
        li a0, 5
        csrw mcounteren, a0
        csrw scounteren, a0
        csrr a1, mcounteren
        CHECK_MASKED(3, a1, 5, 5)

        # M: never gated
        csrw mcounteren, zero
        csrw scounteren, zero
        EXPECT_OK(4, csrr a1, cycle)
        EXPECT_OK(5, csrr a1, instreth)

        # S with mcounteren = 0: illegal
        TRAP_CLEAR
        ENTER_S(s1)
s1:     EXPECT_ILLEGAL(10, csrr a1, cycle)
        EXPECT_ILLEGAL(11, csrr a1, cycleh)
        EXPECT_ILLEGAL(12, csrr a1, instret)
        EXPECT_ILLEGAL(13, csrr a1, instreth)
        BACK_TO_M(m1)
        j fail
m1:     # S with mcounteren.CY only (scounteren irrelevant in S)
        li a0, 1
        csrw mcounteren, a0
        TRAP_CLEAR
        ENTER_S(s2)
s2:     EXPECT_OK(20, csrr a1, cycle)
        EXPECT_OK(21, csrr a1, cycleh)
        EXPECT_ILLEGAL(22, csrr a1, instret)
        BACK_TO_M(m2)
        j fail
m2:     # U: needs both
        li a0, 5
        csrw mcounteren, a0
        li a0, 1
        csrw scounteren, a0                     # only CY at S level
        TRAP_CLEAR
        ENTER_U(u1)
u1:     EXPECT_OK(30, csrr a1, cycle)
        EXPECT_ILLEGAL(31, csrr a1, instret)    # mcounteren.IR=1, scounteren.IR=0
        EXPECT_ILLEGAL(32, csrr a1, instreth)
        BACK_TO_M(m3)
        j fail
m3:     li a0, 4
        csrw mcounteren, a0                     # IR only at M level
        li a0, 5
        csrw scounteren, a0
        TRAP_CLEAR
        ENTER_U(u2)
u2:     EXPECT_ILLEGAL(40, csrr a1, cycle)      # scounteren.CY=1 but mcounteren.CY=0
        EXPECT_ILLEGAL(41, csrr a1, cycleh)
        EXPECT_OK(42, csrr a1, instret)
        EXPECT_OK(43, csrr a1, instreth)
        BACK_TO_M(m4)
        j fail
m4:     TV_PASS
M_TRAP_HANDLER
TV_END
