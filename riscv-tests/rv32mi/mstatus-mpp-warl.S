# mstatus.MPP is WARL: writing the reserved encoding 2 (H) must leave a legal value
# (0, 1 or 3) -- it must never read back as 2, whichever way the write is made.
# (QEMU 7.2 stores 2 as written, so this file fails under QEMU by design.)
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        # from MPP=M, write 2
        li a0, MSTATUS_MPP
        csrs mstatus, a0
        li a0, MSTATUS_MPP
        csrc mstatus, a0
        li a0, 0x1000
        csrs mstatus, a0
        csrr a1, mstatus
        srli a1, a1, 11
        andi a1, a1, 3
        li TESTNUM, 1
        li t6, 2
        beq a1, t6, fail
        # whole-register write with MPP=2
        li a0, 0x1000
        csrw mstatus, a0
        csrr a1, mstatus
        srli a1, a1, 11
        andi a1, a1, 3
        li TESTNUM, 2
        li t6, 2
        beq a1, t6, fail
        # from MPP=U, csrrs with bit 12 only
        csrw mstatus, zero
        li a0, 0x1000
        csrrs x0, mstatus, a0
        csrr a1, mstatus
        srli a1, a1, 11
        andi a1, a1, 3
        li TESTNUM, 3
        li t6, 2
        beq a1, t6, fail
        # from MPP=M, clear bit 11 only (would give 2)
        li a0, MSTATUS_MPP
        csrs mstatus, a0
        li a0, 0x0800
        csrc mstatus, a0
        csrr a1, mstatus
        srli a1, a1, 11
        andi a1, a1, 3
        li TESTNUM, 4
        li t6, 2
        beq a1, t6, fail
        CHECK_NO_TRAP(5)
        TV_PASS
M_TRAP_HANDLER
TV_END
