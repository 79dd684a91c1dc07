# mstatus.TSR: with TSR=1, SRET in S-mode is an illegal instruction (to M, not
# mstatus.TSR: with TSR=1, SRET in S-mode raises illegal instruction (medeleg=0 here,
# so it reaches M); SRET executed in M is unaffected. With TSR=0 SRET in S works.
#include "../rv32mi/priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        SET_STVEC(s_trap_rec)
        PMP_ALLOW_ALL
        csrw mie, zero
        csrw medeleg, zero
        li a0, MSTATUS_TSR
        csrs mstatus, a0

        # sret in M with TSR=1: legal
        li a0, MSTATUS_SPP
        csrs mstatus, a0
        la a0, in_s
        csrw sepc, a0
        TRAP_CLEAR
        sret
in_s:
        la a0, next
        csrw sepc, a0
1:      sret                                    # S with TSR=1: illegal -> M, skipped
        mv a2, s9
        mv a3, s10
        mv a4, s11
        mv a5, s8
        BACK_TO_M(in_m)
        j fail
in_m:
        TV_CHECK_REG(1, a5, 1)
        TV_CHECK_REG(2, a2, CAUSE_ILLEGAL_INSN)
        CHECK_LABEL(3, a3, 1b)
        la t0, 1b
        lw t0, 0(t0)
        TV_CHECK_EQ(4, a4, t0)
        CHECK_MASKED(5, s7, MSTATUS_TSR, MSTATUS_TSR)

        # TSR=0: sret in S works
        li a0, MSTATUS_TSR
        csrc mstatus, a0
        TRAP_CLEAR
        ENTER_S(in_s2)
in_s2:
        li a0, MSTATUS_SPP
        csrs sstatus, a0
        la a0, next
        csrw sepc, a0
        sret
        j fail
next:
        BACK_TO_M(in_m2)
        j fail
in_m2:
        TV_CHECK_REG(6, s8, 1)                  # only the ecall
        TV_CHECK_REG(7, s9, CAUSE_ECALL_S)
        TV_PASS
M_TRAP_HANDLER
S_TRAP_HANDLER
TV_END
