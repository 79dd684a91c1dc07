# mepc / sepc low bits (spec: "mepc[0] is always zero"; with IALIGN=32, i.e. no C as in
# trapvisor, mepc[1:0] read zero). Reads mask the bits; an mret through an odd mepc
# therefore returns to the aligned address. QEMU 7.2 stores and returns the raw value
# (and enables C), so this file fails under QEMU by design.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        li a0, 0x80001235
        csrw mepc, a0
        csrr a1, mepc
        TV_CHECK_REG(1, a1, 0x80001234)
        li a0, 0x80001236
        csrw mepc, a0
        csrr a1, mepc
        TV_CHECK_REG(2, a1, 0x80001234)
        li a0, -1
        csrw mepc, a0
        csrr a1, mepc
        TV_CHECK_REG(3, a1, 0xfffffffc)
        csrwi mepc, 0
        csrsi mepc, 3
        csrr a1, mepc
        TV_CHECK_REG(4, a1, 0)
        li a0, 0x80004321
        csrw sepc, a0
        csrr a1, sepc
        TV_CHECK_REG(5, a1, 0x80004320)
        li a0, -1
        csrw sepc, a0
        csrr a1, sepc
        TV_CHECK_REG(6, a1, 0xfffffffc)

        la a0, landing
        ori a0, a0, 3
        csrw mepc, a0
        li a0, MSTATUS_MPP
        csrs mstatus, a0
        li a5, 0
        mret
        j fail
landing:
        li a5, 1
        TV_CHECK_REG(7, a5, 1)
        CHECK_NO_TRAP(8)
        TV_PASS
M_TRAP_HANDLER
TV_END
