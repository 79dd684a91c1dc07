# M-level interrupt priority when several are pending and enabled at once:
# MSI(3) > MTI(7) > SEI(9) > SSI(1) > STI(5) (MEI(11) has no source on this machine).
# SSIP/STIP/SEIP are set by M through mip; nothing is delegated, so all are M traps.
# Each handler entry logs mcause and clears only that source.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(prio_handler)
        csrw mie, zero
        csrw mideleg, zero
        csrci mstatus, MSTATUS_MIE
        la s0, log
        li s8, 0

        # raise all five
        li t0, CLINT_MSIP
        li a0, 1
        sw a0, 0(t0)
        li t0, CLINT_MTIMECMP
        sw zero, 0(t0)
        sw zero, 4(t0)
        li a0, MIP_SSIP | MIP_STIP | MIP_SEIP
        csrs mip, a0
        csrr a1, mip
        li a2, MIP_MSIP | MIP_MTIP | MIP_SSIP | MIP_STIP | MIP_SEIP
        CHECK_MASKED(1, a1, MIP_MSIP | MIP_MTIP | MIP_SSIP | MIP_STIP | MIP_SEIP, MIP_MSIP | MIP_MTIP | MIP_SSIP | MIP_STIP | MIP_SEIP)

        csrw mie, a2
        csrsi mstatus, MSTATUS_MIE            # five interrupts in a row
        nop
        csrci mstatus, MSTATUS_MIE
        TV_CHECK_REG(2, s8, 5)
        lw a1, 0(s0)
        TV_CHECK_REG(3, a1, INT_BIT | IRQ_MSI)
        lw a1, 4(s0)
        TV_CHECK_REG(4, a1, INT_BIT | IRQ_MTI)
        lw a1, 8(s0)
        TV_CHECK_REG(5, a1, INT_BIT | IRQ_SEI)
        lw a1, 12(s0)
        TV_CHECK_REG(6, a1, INT_BIT | IRQ_SSI)
        lw a1, 16(s0)
        TV_CHECK_REG(7, a1, INT_BIT | IRQ_STI)
        csrr a1, mip
        CHECK_MASKED(8, a1, MIP_MSIP | MIP_MTIP | MIP_SSIP | MIP_STIP | MIP_SEIP, 0)

        # a lower-priority one alone is taken; disabling the higher in mie changes the order
        li s8, 0
        li a0, MIP_SSIP | MIP_STIP
        csrs mip, a0
        li a0, MIP_STIP
        csrw mie, a0                          # only STI enabled
        csrsi mstatus, MSTATUS_MIE
        nop
        csrci mstatus, MSTATUS_MIE
        TV_CHECK_REG(9, s8, 1)
        lw a1, 0(s0)
        TV_CHECK_REG(10, a1, INT_BIT | IRQ_STI)
        csrr a1, mip
        CHECK_MASKED(11, a1, MIP_SSIP, MIP_SSIP) # SSI still pending, just not enabled
        li a0, MIP_SSIP
        csrc mip, a0
        csrw mie, zero
        TV_PASS

        .align 2
prio_handler:
        csrr t0, mcause
        bgez t0, fail_trap                    # no exceptions expected here
        slli t1, s8, 2
        add t1, t1, s0
        sw t0, 0(t1)
        addi s8, s8, 1
        li t1, 16
        bgeu s8, t1, 9f                       # runaway guard
        andi t0, t0, 0x3f
        li t1, IRQ_MSI
        bne t0, t1, 1f
        li t1, CLINT_MSIP
        sw zero, 0(t1)
        mret
1:      li t1, IRQ_MTI
        bne t0, t1, 2f
        li t1, CLINT_MTIMECMP
        li t2, -1
        sw t2, 4(t1)
        sw t2, 0(t1)
        mret
2:      li t1, 1
        sll t1, t1, t0
        csrc mip, t1                          # SEIP / SSIP / STIP are M-writable
        mret
9:      csrw mie, zero
        mret
fail_trap:
        li TESTNUM, 99
        j fail

        .data
        .align 4
log:    .skip 64
TV_END
