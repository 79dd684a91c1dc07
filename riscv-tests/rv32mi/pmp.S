# PMP CSRs pmpcfg0..3 and pmpaddr0..15 exist and store values (L never set; R/W/X/A
# combinations used are legal ones). trapvisor does not enforce PMP; all code stays in M.
# (pmpcfg4..15 / pmpaddr16..63: pmp-64.S)
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
#define PA(n, k, v)                                               \
        li a0, v; csrw pmpaddr##k, a0; csrr a1, pmpaddr##k;       \
        TV_CHECK_EQ(n, a1, a0)
        PA(1, 0, 0x20000000)
        PA(2, 1, 0x20000fff)
        PA(3, 2, 0x12345678)
        PA(4, 7, 0x0abcdef0)
        PA(5, 15, 0x3fffffff)
        csrr a1, pmpaddr0                       # entries are independent
        TV_CHECK_REG(6, a1, 0x20000000)
        # pmpcfg: OFF entries with R/X/RWX permission bits, and TOR/NAPOT + RWX
        li a0, 0x0f1f0907                       # e0: 07 RWX/OFF, e1: 09 TOR|R, e2: 1f NAPOT|RWX, e3: 0f TOR|RWX
        csrw pmpcfg0, a0
        csrr a1, pmpcfg0
        TV_CHECK_EQ(10, a1, a0)
        li a0, 0x05010300
        csrw pmpcfg1, a0
        csrr a1, pmpcfg1
        TV_CHECK_EQ(11, a1, a0)
        li a0, 0x0d0c0b0a & 0x1d1d1d1d          # keep W only together with R
        csrw pmpcfg3, a0
        csrr a1, pmpcfg3
        TV_CHECK_EQ(12, a1, a0)
        csrw pmpcfg0, zero
        csrw pmpcfg1, zero
        csrw pmpcfg3, zero
        csrr a1, pmpcfg0
        TV_CHECK_REG(13, a1, 0)
        csrr a1, pmpcfg2
        TV_CHECK_REG(14, a1, 0)
        CHECK_NO_TRAP(15)
        TV_PASS
M_TRAP_HANDLER
TV_END
