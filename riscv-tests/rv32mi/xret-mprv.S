# Privileged spec 1.12 (3.1.6.1): "If y != M, xRET also sets MPRV=0." An MRET to S or U
# and an SRET (always to S or U) clear mstatus.MPRV; an MRET back to M keeps it.
# QEMU 7.2 does not clear MPRV, so this file fails under QEMU by design.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        PMP_ALLOW_ALL
        csrw mie, zero
        csrw medeleg, zero

        # mret to S
        li a0, MSTATUS_MPP
        csrc mstatus, a0
        li a0, MSTATUS_MPP_S | MSTATUS_MPRV
        csrs mstatus, a0                       # data accesses would use S now; none are made
        la a0, in_s
        csrw mepc, a0
        TRAP_CLEAR
        mret
in_s:   BACK_TO_M(back_s)
        j fail
back_s: CHECK_MASKED(1, s7, MSTATUS_MPRV | MSTATUS_MPP, MSTATUS_MPP_S)

        # mret to U
        li a0, MSTATUS_MPP
        csrc mstatus, a0
        li a0, MSTATUS_MPRV
        csrs mstatus, a0
        la a0, in_u
        csrw mepc, a0
        TRAP_CLEAR
        mret
in_u:   BACK_TO_M(back_u)
        j fail
back_u: CHECK_MASKED(2, s7, MSTATUS_MPRV | MSTATUS_MPP, 0)

        # sret (executed in M) to U clears MPRV too
        li a0, MSTATUS_MPP
        csrs mstatus, a0                       # MPP=M so MPRV does not affect M accesses
        li a0, MSTATUS_SPP
        csrc mstatus, a0
        li a0, MSTATUS_MPRV
        csrs mstatus, a0
        la a0, in_u2
        csrw sepc, a0
        TRAP_CLEAR
        sret
in_u2:  BACK_TO_M(back_u2)
        j fail
back_u2:
        TV_CHECK_REG(3, s9, CAUSE_ECALL_U)
        CHECK_MASKED(4, s7, MSTATUS_MPRV, 0)

        # mret to M keeps it
        li a0, MSTATUS_MPP | MSTATUS_MPRV
        csrs mstatus, a0
        la a0, r_m
        csrw mepc, a0
        mret
r_m:    csrr a1, mstatus
        CHECK_MASKED(5, a1, MSTATUS_MPRV, MSTATUS_MPRV)
        li a0, MSTATUS_MPRV
        csrc mstatus, a0
        TV_PASS
M_TRAP_HANDLER
TV_END
