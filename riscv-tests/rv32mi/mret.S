# Trap entry and MRET stack discipline (M-mode traps):
#   entry: MPIE <- MIE, MIE <- 0, MPP <- previous mode
#   mret : MIE <- MPIE, MPIE <- 1, MPP <- U (least privileged), pc <- mepc;
#          MPRV is kept when returning to M. (MPRV <- 0 on a return below M: xret-mprv.S)
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        PMP_ALLOW_ALL
        csrw mie, zero
        csrw medeleg, zero

        # --- trap entry from M with MIE=1 ---
        li a0, MSTATUS_MPP | MSTATUS_MPIE
        csrc mstatus, a0
        csrsi mstatus, MSTATUS_MIE
        TRAP_CLEAR
1:      ecall
        CHECK_MTRAP(1, CAUSE_ECALL_M, 1b)
        CHECK_MASKED(2, s7, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE | MSTATUS_MPP_M)
        csrr a1, mstatus                       # after the handler's mret
        CHECK_MASKED(3, a1, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MIE | MSTATUS_MPIE)
        # --- trap entry from M with MIE=0 ---
        csrci mstatus, MSTATUS_MIE
        TRAP_CLEAR
4:      ecall
        CHECK_MTRAP(4, CAUSE_ECALL_M, 4b)
        CHECK_MASKED(5, s7, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPP_M)
        csrr a1, mstatus
        CHECK_MASKED(6, a1, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE)

        # --- mret directly: MPIE=0, MIE=1, MPP=M -> MIE=0, MPIE=1, MPP=U, stays in M ---
        li a0, MSTATUS_MPP
        csrs mstatus, a0
        li a0, MSTATUS_MPIE
        csrc mstatus, a0
        csrsi mstatus, MSTATUS_MIE
        la a0, r1
        csrw mepc, a0
        mret
        j fail
r1:     csrr a1, mstatus                       # still M: reading mstatus is legal
        CHECK_MASKED(10, a1, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE)
        # --- mret with MPIE=1, MIE=0 -> MIE=1 ---
        li a0, MSTATUS_MPP | MSTATUS_MPIE
        csrs mstatus, a0
        csrci mstatus, MSTATUS_MIE
        la a0, r2
        csrw mepc, a0
        mret
        j fail
r2:     csrr a1, mstatus
        CHECK_MASKED(11, a1, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MIE | MSTATUS_MPIE)
        csrci mstatus, MSTATUS_MIE

        # --- MPRV kept by an mret that returns to M ---
        li a0, MSTATUS_MPP
        csrs mstatus, a0
        li a0, MSTATUS_MPRV
        csrs mstatus, a0
        la a0, r3
        csrw mepc, a0
        mret
        j fail
r3:     csrr a1, mstatus
        CHECK_MASKED(12, a1, MSTATUS_MPRV, MSTATUS_MPRV)
        li a0, MSTATUS_MPRV
        csrc mstatus, a0

        # --- mret to S lands in S (MPP seen by the next trap = S) ---
        li a0, MSTATUS_MPP
        csrc mstatus, a0
        li a0, MSTATUS_MPP_S
        csrs mstatus, a0
        la a0, in_s
        csrw mepc, a0
        TRAP_CLEAR
        mret
in_s:   BACK_TO_M(back_s)
        j fail
back_s: CHECK_MASKED(13, s7, MSTATUS_MPP, MSTATUS_MPP_S)
        TV_CHECK_REG(14, s9, CAUSE_ECALL_S)

        # --- mret to U: the mode really is U (an M CSR is illegal) ---
        li a0, MSTATUS_MPP
        csrc mstatus, a0
        la a0, in_u
        csrw mepc, a0
        TRAP_CLEAR
        mret
in_u:
15:     csrr a1, mscratch                      # illegal in U, skipped by the handler
        TV_CHECK_REG(15, s9, CAUSE_ILLEGAL_INSN)
        CHECK_LABEL(16, s10, 15b)
        CHECK_MASKED(17, s7, MSTATUS_MPP, 0)
        BACK_TO_M(back_u)
        j fail
back_u: TV_CHECK_REG(18, s9, CAUSE_ECALL_U)
        CHECK_MASKED(19, s7, MSTATUS_MPP, 0)
        TV_PASS
M_TRAP_HANDLER
TV_END
