# Machine timer: mtime advances; mip.MTIP = (mtime >= mtimecmp) as a 64-bit compare;
# MTIP is read-only in mip; the interrupt (mcause 0x80000007) is taken when MTIE and
# MIE are set; writing mtimecmp into the future clears MTIP. WFI with an enabled
# (but globally masked) pending interrupt resumes.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        csrw mie, zero
        csrw mideleg, zero
        csrci mstatus, MSTATUS_MIE
        li s0, CLINT_MTIMECMP
        li a0, -1
        sw a0, 4(s0)                          # hi first: never transiently in the past
        sw a0, 0(s0)
        TRAP_CLEAR

        # mtime moves forward
        li s1, CLINT_MTIME
        lw a1, 0(s1)
        li a2, 200
1:      addi a2, a2, -1
        bnez a2, 1b
        lw a3, 0(s1)
        li TESTNUM, 1
        beq a1, a3, fail
        # mtimecmp reads back
        lw a1, 0(s0)
        TV_CHECK_REG(2, a1, -1)
        lw a1, 4(s0)
        TV_CHECK_REG(3, a1, -1)

        csrr a1, mip
        CHECK_MASKED(4, a1, MIP_MTIP, 0)
        li a0, MIP_MTIP
        csrs mip, a0                          # read-only in mip
        csrr a1, mip
        CHECK_MASKED(5, a1, MIP_MTIP, 0)

        # mtimecmp = 0 (hi and lo): immediately pending
        sw zero, 0(s0)
        sw zero, 4(s0)
        csrr a1, mip
        CHECK_MASKED(6, a1, MIP_MTIP, MIP_MTIP)
        # hi alone in the future -> not pending (64-bit compare)
        li a0, 1
        sw a0, 4(s0)
        csrr a1, mip
        CHECK_MASKED(7, a1, MIP_MTIP, 0)
        sw zero, 4(s0)
        csrr a1, mip
        CHECK_MASKED(8, a1, MIP_MTIP, MIP_MTIP)
        CHECK_NO_TRAP(9)

        # enable: taken
        li a0, MIP_MTIP
        csrs mie, a0
        nop
        CHECK_NO_TRAP(10)
        csrsi mstatus, MSTATUS_MIE
taken:  nop
        TV_CHECK_REG(11, s8, 1)
        TV_CHECK_REG(12, s9, INT_BIT | IRQ_MTI)
        CHECK_LABEL(13, s10, taken)
        TV_CHECK_REG(14, s11, 0)
        csrci mstatus, MSTATUS_MIE

        # future compare value: pending clears, then sets again once mtime gets there
        li a0, -1
        sw a0, 4(s0)
        csrr a1, mip
        CHECK_MASKED(15, a1, MIP_MTIP, 0)
        lw a1, 0(s1)
        lw a2, 4(s1)
        addi a3, a1, 300
        sltu a4, a3, a1
        add a2, a2, a4
        sw a3, 0(s0)
        sw a2, 4(s0)
        csrr a1, mip
        CHECK_MASKED(16, a1, MIP_MTIP, 0)
        li a2, 1000000
2:      csrr a1, mip
        andi a1, a1, MIP_MTIP
        bnez a1, 3f
        addi a2, a2, -1
        bnez a2, 2b
        TV_CHECK_REG(17, zero, 1)             # timed out
3:
        # WFI with MTIE set and MIE clear resumes (may also be a nop)
        li a0, -1
        sw a0, 4(s0)
        lw a1, 0(s1)
        lw a2, 4(s1)
        addi a3, a1, 300
        sltu a4, a3, a1
        add a2, a2, a4
        sw a3, 0(s0)
        sw a2, 4(s0)
        li a0, MIP_MTIP
        csrs mie, a0
        TRAP_CLEAR
        wfi
        CHECK_NO_TRAP(18)
        li a2, 1000000
4:      csrr a1, mip
        andi a1, a1, MIP_MTIP
        bnez a1, 5f
        addi a2, a2, -1
        bnez a2, 4b
        TV_CHECK_REG(19, zero, 1)
5:      CHECK_NO_TRAP(20)
        csrw mie, zero
        li a0, -1
        sw a0, 4(s0)
        sw a0, 0(s0)
        TV_PASS
M_TRAP_HANDLER
TV_END
