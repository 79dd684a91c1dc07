# trapvisor-specific: EBREAK writes mtval = pc of the ebreak (the spec allows pc or 0;
# trapvisor chose pc). QEMU 7.2 writes 0, so this file fails under QEMU by design.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        li a0, 0x1234
        csrw mtval, a0
        TRAP_CLEAR
1:      ebreak
        CHECK_MTRAP(1, CAUSE_BREAKPOINT, 1b)
        CHECK_LABEL(2, s11, 1b)
        TRAP_CLEAR
        nop
3:      ebreak
        CHECK_MTRAP(3, CAUSE_BREAKPOINT, 3b)
        CHECK_LABEL(4, s11, 3b)
        TV_PASS
M_TRAP_HANDLER
TV_END
