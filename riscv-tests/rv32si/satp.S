# satp with Sv32 (privileged spec 4.1.11): MODE (bit 31), ASID (bits 30:22, ASIDLEN = 9 here) and PPN
# (bits 21:0) are all writable; Bare (MODE=0) reads back as written. With a paging mode available,
# mstatus.SUM and MXR are writable (3.1.6.3), through mstatus and through sstatus.
#include "../rv32mi/priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        csrw satp, zero
        csrr a1, satp
        TV_CHECK_REG(1, a1, 0)
        li a0, 0x80000000 | (5 << 22) | 0x80123
        csrw satp, a0
        csrr a1, satp
        TV_CHECK_EQ(2, a1, a0)
        li a0, 0x7fffffff                    # MODE=0 with every ASID/PPN bit: stored as written
        csrw satp, a0
        csrr a1, satp
        TV_CHECK_EQ(3, a1, a0)
        csrw satp, zero
        # M-mode accesses are never translated, whatever satp says
        li a0, 0x80000000 | 0x3fffff
        csrw satp, a0
        la a2, word
        lw a3, 0(a2)
        TV_CHECK_REG(4, a3, 0x600dc0de)
        csrw satp, zero
        li a0, MSTATUS_SUM
        csrs mstatus, a0
        csrr a1, mstatus
        and a1, a1, a0
        TV_CHECK_EQ(6, a1, a0)
        csrc sstatus, a0
        csrr a1, mstatus
        and a1, a1, a0
        TV_CHECK_REG(7, a1, 0)
        li a0, MSTATUS_MXR
        csrs sstatus, a0
        csrr a1, mstatus
        and a1, a1, a0
        TV_CHECK_EQ(8, a1, a0)
        csrc mstatus, a0
        CHECK_NO_TRAP(5)
        TV_PASS
M_TRAP_HANDLER
        .data
        .align 2
word:   .word 0x600dc0de
TV_END
