# trapvisor-specific: misaligned loads and stores whose effective privilege is M complete in
# hardware (nothing above M could emulate them; the official rv32ui-p-ma_data relies on it),
# including accesses that straddle a word; with MPRV=1 and MPP=S they are S-mode accesses and
# raise address-misaligned. (S/U accesses: misaligned-ldst.S.)
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        la a0, buf
        TRAP_CLEAR
        lh a1, 1(a0)
        TV_CHECK_REG(1, a1, 0x0201)
        lh a1, 7(a0)
        TV_CHECK_REG(2, a1, 0xffff8807)     # sign-extended across the word boundary
        lhu a1, 7(a0)
        TV_CHECK_REG(3, a1, 0x8807)
        lw a1, 1(a0)
        TV_CHECK_REG(4, a1, 0x04030201)
        lw a1, 2(a0)
        TV_CHECK_REG(5, a1, 0x05040302)
        lw a1, 5(a0)
        TV_CHECK_REG(6, a1, 0x88070605)
        li a2, 0xa1b2c3d4
        sw a2, 9(a0)
        lbu a1, 9(a0)
        TV_CHECK_REG(7, a1, 0xd4)
        lbu a1, 12(a0)
        TV_CHECK_REG(8, a1, 0xa1)
        lw a1, 8(a0)
        TV_CHECK_REG(9, a1, 0xb2c3d488)
        li a2, 0x7766
        sh a2, 3(a0)
        lw a1, 0(a0)
        TV_CHECK_REG(10, a1, 0x66020100)
        lbu a1, 4(a0)
        TV_CHECK_REG(11, a1, 0x77)
        CHECK_NO_TRAP(12)
        # MPRV=1, MPP=S: loads and stores are checked as S-mode accesses, and so they trap
        li t0, MSTATUS_MPP
        csrc mstatus, t0
        li t0, MSTATUS_MPP_S | MSTATUS_MPRV
        csrs mstatus, t0
        TRAP_CLEAR
20:     lw a1, 1(a0)
        li t0, MSTATUS_MPRV
        csrc mstatus, t0
        CHECK_MTRAP(20, CAUSE_MISALIGNED_LOAD, 20b)
        TV_PASS
M_TRAP_HANDLER
        .data
        .align 4
buf:    .byte 0, 1, 2, 3, 4, 5, 6, 7, 0x88, 9, 10, 11, 12, 13, 14, 15
TV_END
