# trapvisor-specific: mhpmcounter3..31(+h) and mhpmevent3..31 are read-only zero
# (WARL, writes accepted and ignored: the addresses are M read/write, so no trap);
# hpmcounter3..31(+h) read zero. QEMU implements programmable counters whose events
# keep the written value, so this file fails under QEMU by design.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        li a0, -1
        csrw mcounteren, a0
#define HPM(n, k)                                                 \
        csrw mhpmcounter##k, a0;                                  \
        csrw mhpmcounter##k##h, a0;                               \
        csrw mhpmevent##k, a0;                                    \
        csrr a1, mhpmcounter##k;                                  \
        TV_CHECK_REG(n, a1, 0);                                   \
        csrr a1, mhpmcounter##k##h;                               \
        TV_CHECK_REG(n, a1, 0);                                   \
        csrr a1, mhpmevent##k;                                    \
        TV_CHECK_REG(n, a1, 0);                                   \
        csrr a1, hpmcounter##k;                                   \
        TV_CHECK_REG(n, a1, 0);                                   \
        csrr a1, hpmcounter##k##h;                                \
        TV_CHECK_REG(n, a1, 0)
        HPM(3, 3)
        HPM(4, 4)
        HPM(5, 5)
        HPM(10, 10)
        HPM(16, 16)
        HPM(17, 17)
        HPM(30, 30)
        HPM(31, 31)
        CHECK_NO_TRAP(40)
        TV_PASS
M_TRAP_HANDLER
TV_END
