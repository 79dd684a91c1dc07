# Machine software interrupt through CLINT msip: mip.MSIP follows msip; the interrupt
# is taken in M only with mie.MSIE and mstatus.MIE both set; mcause = 0x80000003,
# mepc = the next instruction, mtval = 0; in U-mode it is taken even with mstatus.MIE=0.
# mip.MSIP cannot be set through the mip CSR.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        PMP_ALLOW_ALL
        csrw mie, zero
        csrw mideleg, zero
        csrci mstatus, MSTATUS_MIE
        li s0, CLINT_MSIP
        sw zero, 0(s0)
        TRAP_CLEAR

        csrr a1, mip
        CHECK_MASKED(1, a1, MIP_MSIP, 0)
        li a0, MIP_MSIP
        csrs mip, a0                          # read-only in mip: no effect, no trap
        csrr a1, mip
        CHECK_MASKED(2, a1, MIP_MSIP, 0)
        CHECK_NO_TRAP(3)

        li a0, 1
        sw a0, 0(s0)
        lw a1, 0(s0)
        TV_CHECK_REG(4, a1, 1)
        csrr a1, mip
        CHECK_MASKED(5, a1, MIP_MSIP, MIP_MSIP)
        CHECK_NO_TRAP(6)                      # mie.MSIE = 0
        csrsi mstatus, MSTATUS_MIE
        nop
        CHECK_NO_TRAP(7)                      # still masked by mie
        csrci mstatus, MSTATUS_MIE
        li a0, MIP_MSIP
        csrs mie, a0
        nop
        nop
        CHECK_NO_TRAP(8)                      # masked by mstatus.MIE in M
        li a0, 0x777
        csrw mtval, a0
        csrsi mstatus, MSTATUS_MIE
taken1: nop
        TV_CHECK_REG(9, s8, 1)
        TV_CHECK_REG(10, s9, INT_BIT | IRQ_MSI)
        CHECK_LABEL(11, s10, taken1)
        TV_CHECK_REG(12, s11, 0)
        CHECK_MASKED(13, s7, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE | MSTATUS_MPP_M)
        csrr a1, mie                          # handler cleared mie
        TV_CHECK_REG(14, a1, 0)
        csrci mstatus, MSTATUS_MIE

        # still pending until msip is written with 0
        csrr a1, mip
        CHECK_MASKED(15, a1, MIP_MSIP, MIP_MSIP)
        sw zero, 0(s0)
        csrr a1, mip
        CHECK_MASKED(16, a1, MIP_MSIP, 0)
        # only bit 0 of msip is implemented
        li a0, 0xfffffffe
        sw a0, 0(s0)
        lw a1, 0(s0)
        TV_CHECK_REG(17, a1, 0)
        csrr a1, mip
        CHECK_MASKED(18, a1, MIP_MSIP, 0)

        # U-mode: M interrupts are enabled regardless of mstatus.MIE
        li a0, 1
        sw a0, 0(s0)
        li a0, MIP_MSIP
        csrs mie, a0
        TRAP_CLEAR
        ENTER_U(in_u)
in_u:   nop                                   # interrupt is taken before this executes
        mv a2, s9                             # (handler returns here to U with mie=0)
        mv a3, s10
        mv a4, s7
        BACK_TO_M(back_u)
        j fail
back_u: TV_CHECK_REG(20, s8, 2)               # the interrupt, then the ecall
        TV_CHECK_REG(21, a2, INT_BIT | IRQ_MSI)
        CHECK_LABEL(22, a3, in_u)
        CHECK_MASKED(23, a4, MSTATUS_MPP | MSTATUS_MIE, 0)
        li s0, CLINT_MSIP
        sw zero, 0(s0)
        TV_PASS

M_TRAP_HANDLER
TV_END
