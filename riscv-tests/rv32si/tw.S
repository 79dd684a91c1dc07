# WFI and mstatus.TW (priv 1.12, 3.1.6.5): WFI is legal in M always and in S when TW=0;
# with TW=1 it raises illegal instruction in S and U (no interrupt can complete it here);
# with S-mode implemented, WFI in U raises illegal instruction even when TW=0.
# To keep a real WFI from sleeping forever in M/S, an interrupt is made pending+enabled
# in mie but masked (SSI delegated to S, sstatus.SIE=0 while in S; mstatus.MIE=0 in M).
# For the U cases mie=0 (an S interrupt would be taken in U), so nothing could wake it.
#include "../rv32mi/priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        SET_STVEC(s_trap_rec)
        PMP_ALLOW_ALL
        csrw medeleg, zero
        li a0, MIP_SSIP
        csrw mideleg, a0
        csrw mie, a0
        csrs mip, a0                            # SSI pending, enabled in mie, delegated
        csrci mstatus, MSTATUS_MIE | MSTATUS_SIE
        li a0, MSTATUS_TW
        csrc mstatus, a0

        EXPECT_OK(1, wfi)                       # M
        li a0, MSTATUS_TW
        csrs mstatus, a0
        EXPECT_OK(2, wfi)                       # M ignores TW

        # S with TW=1: illegal
        TRAP_CLEAR
        ENTER_S(in_s)
in_s:
3:      wfi
        mv a2, s9
        mv a3, s10
        mv a4, s11
        mv a5, s8
        BACK_TO_M(in_m)
        j fail
in_m:
        TV_CHECK_REG(3, a5, 1)
        TV_CHECK_REG(4, a2, CAUSE_ILLEGAL_INSN)
        CHECK_LABEL(5, a3, 3b)
        la t0, 3b
        lw t0, 0(t0)
        TV_CHECK_EQ(6, a4, t0)

        # U with TW=1: illegal
        csrw mie, zero
        TRAP_CLEAR
        ENTER_U(in_u)
in_u:
7:      wfi
        mv a2, s9
        mv a3, s10
        mv a5, s8
        BACK_TO_M(in_m2)
        j fail
in_m2:
        TV_CHECK_REG(7, a5, 1)
        TV_CHECK_REG(8, a2, CAUSE_ILLEGAL_INSN)
        CHECK_LABEL(9, a3, 7b)

        # S with TW=0: legal
        li a0, MSTATUS_TW
        csrc mstatus, a0
        li a0, MIP_SSIP
        csrw mie, a0
        TRAP_CLEAR
        ENTER_S(in_s3)
in_s3:
        wfi
        mv a5, s8
        mv a6, s5
        BACK_TO_M(in_m3)
        j fail
in_m3:
        TV_CHECK_REG(10, a5, 0)
        TV_CHECK_REG(11, a6, 0)

        # U with TW=0: still illegal (S-mode is implemented)
        csrw mie, zero
        TRAP_CLEAR
        ENTER_U(in_u4)
in_u4:
12:     wfi
        mv a2, s9
        mv a3, s10
        mv a5, s8
        BACK_TO_M(in_m4)
        j fail
in_m4:
        TV_CHECK_REG(12, a5, 1)
        TV_CHECK_REG(13, a2, CAUSE_ILLEGAL_INSN)
        CHECK_LABEL(14, a3, 12b)
        li a0, MIP_SSIP
        csrc mip, a0
        csrw mie, zero
        csrw mideleg, zero
        TV_PASS
M_TRAP_HANDLER
S_TRAP_HANDLER
TV_END
