# mepc / sepc hold 4-byte-aligned values as written, independently of each other.
# (The forced-zero low bits are checked in xepc-lowbits.S.)
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        li a0, 0x80001234
        csrw mepc, a0
        csrr a1, mepc
        TV_CHECK_REG(1, a1, 0x80001234)
        li a0, 0xfffffffc
        csrw mepc, a0
        csrr a1, mepc
        TV_CHECK_REG(2, a1, 0xfffffffc)
        li a0, 0x80004320
        csrw sepc, a0
        csrr a1, sepc
        TV_CHECK_REG(3, a1, 0x80004320)
        csrr a1, mepc
        TV_CHECK_REG(4, a1, 0xfffffffc)
        li a0, 0x00000f00
        csrc sepc, a0
        csrr a1, sepc
        TV_CHECK_REG(5, a1, 0x80004020)
        csrw mepc, zero
        csrr a1, mepc
        TV_CHECK_REG(6, a1, 0)
        # mret goes where mepc says
        la a0, landing
        csrw mepc, a0
        li a0, MSTATUS_MPP
        csrs mstatus, a0                     # stay in M
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
