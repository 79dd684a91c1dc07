# trapvisor-specific: satp supports only MODE=Bare. Writing MODE=0 with zero fields
# reads back 0; a write with MODE=1 (Sv32) is ignored entirely (spec: "if satp is written
# with an unsupported MODE, the entire write has no effect"), so ASID/PPN bits written
# along with it do not appear; mstatus.SUM is then read-only 0. QEMU 7.2 supports Sv32, so this file fails under QEMU.
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
        TV_CHECK_REG(2, a1, 0)
        li a0, 0x80000000
        csrs satp, a0
        csrr a1, satp
        TV_CHECK_REG(3, a1, 0)
        # execution and data accesses still untranslated
        la a2, word
        lw a3, 0(a2)
        TV_CHECK_REG(4, a3, 0x600dc0de)
        # SUM is read-only 0 while satp.MODE is read-only 0 (privileged spec 3.1.6.3)
        li a0, MSTATUS_SUM
        csrs mstatus, a0
        csrr a1, mstatus
        and a1, a1, a0
        TV_CHECK_REG(6, a1, 0)
        csrs sstatus, a0
        csrr a1, sstatus
        and a1, a1, a0
        TV_CHECK_REG(7, a1, 0)
        CHECK_NO_TRAP(5)
        TV_PASS
M_TRAP_HANDLER
        .data
        .align 2
word:   .word 0x600dc0de
TV_END
