# Vectored mtvec (MODE=1): an interrupt with cause n jumps to BASE + 4*n, exceptions go
# to BASE; mcause still has the interrupt bit. One interrupt at a time: SSI, MSI, STI,
# MTI, SEI (all M-level, nothing delegated). Switching back to direct mode sends an
# interrupt to BASE.
#include "priv_macros.h"
TV_BEGIN
        csrw mie, zero
        csrw mideleg, zero
        csrw medeleg, zero
        csrci mstatus, MSTATUS_MIE
        la t0, vtab
        ori t0, t0, 1
        csrw mtvec, t0
        csrr a1, mtvec
        TV_CHECK_EQ(1, a1, t0)

        # exception -> BASE (slot 0 = recording handler)
        TRAP_CLEAR
2:      ecall
        CHECK_MTRAP(2, CAUSE_ECALL_M, 2b)
        TV_CHECK_REG(3, s11, 0)               # m_trap_rec's mtval (ecall -> 0), not a slot no.

#define ONE_IRQ(n, num, ...)                                      \
        TRAP_CLEAR;                                               \
        __VA_ARGS__;                                              \
        li a0, 1 << num;                                          \
        csrw mie, a0;                                             \
        csrsi mstatus, MSTATUS_MIE;                               \
        nop;                                                      \
        csrci mstatus, MSTATUS_MIE;                               \
        TV_CHECK_REG(n, s8, 1);                                   \
        TV_CHECK_REG(n, s11, num);                                \
        TV_CHECK_REG(n, s9, INT_BIT | num)

        ONE_IRQ(10, IRQ_SSI, li a0, MIP_SSIP; csrs mip, a0)
        li a0, MIP_SSIP
        csrc mip, a0
        ONE_IRQ(11, IRQ_MSI, li t0, CLINT_MSIP; li a0, 1; sw a0, 0(t0))
        li t0, CLINT_MSIP
        sw zero, 0(t0)
        ONE_IRQ(12, IRQ_STI, li a0, MIP_STIP; csrs mip, a0)
        li a0, MIP_STIP
        csrc mip, a0
        ONE_IRQ(13, IRQ_MTI, li t0, CLINT_MTIMECMP; sw zero, 0(t0); sw zero, 4(t0))
        li t0, CLINT_MTIMECMP
        li a0, -1
        sw a0, 4(t0)
        sw a0, 0(t0)
        ONE_IRQ(14, IRQ_SEI, li a0, MIP_SEIP; csrs mip, a0)
        li a0, MIP_SEIP
        csrc mip, a0

        # direct mode: interrupt goes to BASE (m_trap_rec puts mtval = 0 in s11)
        la t0, m_trap_rec
        csrw mtvec, t0
        TRAP_CLEAR
        li a0, MIP_SSIP
        csrs mip, a0
        csrw mie, a0
        csrsi mstatus, MSTATUS_MIE
        nop
        csrci mstatus, MSTATUS_MIE
        TV_CHECK_REG(20, s8, 1)
        TV_CHECK_REG(21, s9, INT_BIT | IRQ_SSI)
        TV_CHECK_REG(22, s11, 0)
        li a0, MIP_SSIP
        csrc mip, a0
        TV_PASS

        .align 8
vtab:
        j m_trap_rec                          /* 0: exceptions */
        j vs1
        j vs_bad
        j vs3
        j vs_bad
        j vs5
        j vs_bad
        j vs7
        j vs_bad
        j vs9
        j vs_bad
        j vs11
vs1:    li s11, 1; j vcommon
vs3:    li s11, 3; j vcommon
vs5:    li s11, 5; j vcommon
vs7:    li s11, 7; j vcommon
vs9:    li s11, 9; j vcommon
vs11:   li s11, 11; j vcommon
vs_bad: li TESTNUM, 98; j fail
vcommon:
        csrr s9, mcause
        csrr s10, mepc
        addi s8, s8, 1
        csrw mie, zero
        mret
M_TRAP_HANDLER
TV_END
