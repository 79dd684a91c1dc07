# trapvisor-specific: misa = MXL=1 | I | S | U = 0x40140100 exactly, and writes do not
# change it (no extension can be switched on or off). QEMU reports more extensions.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        csrr a1, misa
        TV_CHECK_REG(1, a1, 0x40140100)
        li a0, 0x40140100 | (1 << ('M' - 'A')) | (1 << ('C' - 'A'))
        csrw misa, a0
        csrr a1, misa
        TV_CHECK_REG(2, a1, 0x40140100)
        csrw misa, zero
        csrr a1, misa
        TV_CHECK_REG(3, a1, 0x40140100)
        CHECK_NO_TRAP(4)
        TV_PASS
M_TRAP_HANDLER
TV_END
