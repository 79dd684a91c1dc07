# Machine information registers hold trapvisor's values: mvendorid = marchid = mimpid = 0
# (non-commercial / not implemented), mhartid = 0 (single hart), mconfigptr = 0.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        csrr a1, mhartid
        TV_CHECK_REG(1, a1, 0)
        csrr a1, mvendorid
        TV_CHECK_REG(2, a1, 0)
        csrr a1, marchid
        TV_CHECK_REG(3, a1, 0)
        csrr a1, mimpid
        TV_CHECK_REG(4, a1, 0)
        csrr a1, mconfigptr
        TV_CHECK_REG(5, a1, 0)
        CHECK_NO_TRAP(6)
        TV_PASS
M_TRAP_HANDLER
TV_END
