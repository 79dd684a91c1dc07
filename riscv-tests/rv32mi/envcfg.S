# menvcfg / menvcfgh / senvcfg exist (priv 1.12): M can read and write them without a
# trap, a write of zero reads back zero, and S can access senvcfg (but not menvcfg).
# Field values are WARL and not checked beyond zero.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        PMP_ALLOW_ALL
        csrw mie, zero
        csrw medeleg, zero
        EXPECT_OK(1, csrw menvcfg, zero)
        EXPECT_OK(2, csrw menvcfgh, zero)
        EXPECT_OK(3, csrw senvcfg, zero)
        csrr a1, menvcfg
        TV_CHECK_REG(4, a1, 0)
        csrr a1, menvcfgh
        TV_CHECK_REG(5, a1, 0)
        csrr a1, senvcfg
        TV_CHECK_REG(6, a1, 0)
        TRAP_CLEAR
        ENTER_S(in_s)
in_s:   EXPECT_OK(10, csrr a1, senvcfg)
        EXPECT_OK(11, csrw senvcfg, zero)
        EXPECT_ILLEGAL(12, csrr a1, menvcfg)
        EXPECT_ILLEGAL(13, csrr a1, menvcfgh)
        BACK_TO_M(in_m)
        j fail
in_m:   TRAP_CLEAR
        ENTER_U(in_u)
in_u:   EXPECT_ILLEGAL(20, csrr a1, senvcfg)
        BACK_TO_M(in_m2)
        j fail
in_m2:  TV_PASS
M_TRAP_HANDLER
TV_END
