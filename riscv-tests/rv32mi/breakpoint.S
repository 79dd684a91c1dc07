# EBREAK in M-mode: mcause = 3, mepc = address of the ebreak, mstatus MPP/MPIE/MIE
# updated on entry and restored by mret. (mtval = pc: see breakpoint-mtval.S.)
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
1:      ebreak
        CHECK_MTRAP(1, CAUSE_BREAKPOINT, 1b)
        # MPP records M, MIE cleared on entry, MPIE got the old MIE (0 here)
        CHECK_MASKED(3, s7, MSTATUS_MPP, MSTATUS_MPP_M)
        CHECK_MASKED(4, s7, MSTATUS_MIE | MSTATUS_MPIE, 0)
        # a second one at a different address
        TRAP_CLEAR
        nop
2:      ebreak
        CHECK_MTRAP(5, CAUSE_BREAKPOINT, 2b)
        # ebreak with mstatus.MIE=1 (and nothing enabled in mie): MPIE=1, MIE=0 in handler
        csrw mie, zero
        csrsi mstatus, MSTATUS_MIE
        TRAP_CLEAR
3:      ebreak
        CHECK_MTRAP(7, CAUSE_BREAKPOINT, 3b)
        CHECK_MASKED(8, s7, MSTATUS_MIE | MSTATUS_MPIE, MSTATUS_MPIE)
        csrr a1, mstatus                        # mret restored MIE from MPIE
        CHECK_MASKED(9, a1, MSTATUS_MIE | MSTATUS_MPIE, MSTATUS_MIE | MSTATUS_MPIE)
        csrci mstatus, MSTATUS_MIE
        TV_PASS
M_TRAP_HANDLER
TV_END
