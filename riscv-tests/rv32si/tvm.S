# mstatus.TVM: with TVM=1, S-mode reads/writes of satp and SFENCE.VMA raise illegal
# instruction (mtval = bits); M is unaffected. With TVM=0 they are legal in S.
# U-mode can never touch satp or execute sfence.vma.
#include "../rv32mi/priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        PMP_ALLOW_ALL
        csrw mie, zero
        csrw medeleg, zero
        csrw satp, zero

        li a0, MSTATUS_TVM
        csrs mstatus, a0
        EXPECT_OK(1, csrr a1, satp)             # M ignores TVM
        EXPECT_OK(2, csrw satp, zero)
        EXPECT_OK(3, sfence.vma)

        TRAP_CLEAR
        ENTER_S(in_s)
in_s:   EXPECT_ILLEGAL(10, csrr a1, satp)
        EXPECT_ILLEGAL(11, csrw satp, zero)
        EXPECT_ILLEGAL(12, csrrs a1, satp, x0)
        EXPECT_ILLEGAL(13, sfence.vma)
        EXPECT_ILLEGAL(14, sfence.vma a0, a1)
        BACK_TO_M(in_m)
        j fail
in_m:
        li a0, MSTATUS_TVM
        csrc mstatus, a0
        TRAP_CLEAR
        ENTER_S(in_s2)
in_s2:  EXPECT_OK(20, csrr a1, satp)
        TV_CHECK_REG(21, a1, 0)
        EXPECT_OK(22, csrw satp, zero)
        EXPECT_OK(23, sfence.vma)
        EXPECT_OK(24, sfence.vma a0, zero)
        EXPECT_ILLEGAL(25, csrr a1, mstatus)     # still S: an M CSR stays illegal
        BACK_TO_M(in_m2)
        j fail
in_m2:
        TRAP_CLEAR
        ENTER_U(in_u)
in_u:   EXPECT_ILLEGAL(30, csrr a1, satp)
        EXPECT_ILLEGAL(31, sfence.vma)
        BACK_TO_M(in_m3)
        j fail
in_m3:
        TV_PASS
M_TRAP_HANDLER
TV_END
