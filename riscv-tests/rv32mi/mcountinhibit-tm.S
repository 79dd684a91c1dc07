# mcountinhibit bit 1 has no counter behind it (time cannot be inhibited): it reads zero
# whatever is written. QEMU 7.2 stores it, so this file fails under QEMU by design.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        li a0, 2
        csrw mcountinhibit, a0
        csrr a1, mcountinhibit
        TV_CHECK_REG(1, a1, 0)
        li a0, 7
        csrw mcountinhibit, a0
        csrr a1, mcountinhibit
        CHECK_MASKED(2, a1, 7, 5)
        csrw mcountinhibit, zero
        CHECK_NO_TRAP(3)
        TV_PASS
M_TRAP_HANDLER
TV_END
