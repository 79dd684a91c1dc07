# misa: MXL=1 (RV32), I, S and U present; a write of any value (misa is WARL) leaves
# the hart working with MXL=1 and I still set. Exact value: see misa-exact.S.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        csrr s0, misa
        srli a1, s0, 30
        TV_CHECK_REG(1, a1, 1)                    # MXL = 1 -> XLEN 32
        CHECK_MASKED(2, s0, 1 << ('I' - 'A'), 1 << ('I' - 'A'))
        CHECK_MASKED(3, s0, 1 << ('S' - 'A'), 1 << ('S' - 'A'))
        CHECK_MASKED(4, s0, 1 << ('U' - 'A'), 1 << ('U' - 'A'))
        CHECK_MASKED(5, s0, 1 << ('E' - 'A'), 0)  # not RV32E
        CHECK_MASKED(6, s0, 0x3c000000, 0)        # bits 29:26 are zero

        # write it back unchanged
        csrw misa, s0
        csrr a1, misa
        TV_CHECK_EQ(7, a1, s0)

        # write zero: must not break the hart (WARL; I cannot disappear, MXL stays)
        csrw misa, zero
        addi a2, zero, 3                          # still executing RV32I
        slli a2, a2, 4
        TV_CHECK_REG(8, a2, 48)
        csrr a1, misa
        srli a2, a1, 30
        TV_CHECK_REG(9, a2, 1)
        CHECK_MASKED(10, a1, 1 << ('I' - 'A'), 1 << ('I' - 'A'))

        # try to switch MXL to 64 and set E: ignored or legalized, hart still RV32I
        li a0, 0x80000010
        csrw misa, a0
        csrr a1, misa
        srli a2, a1, 30
        TV_CHECK_REG(11, a2, 1)
        CHECK_MASKED(12, a1, 1 << ('I' - 'A'), 1 << ('I' - 'A'))
        li a3, -1
        srli a3, a3, 31                           # 32-bit shift behaviour
        TV_CHECK_REG(13, a3, 1)

        csrw misa, s0
        csrr a1, misa
        TV_CHECK_EQ(14, a1, s0)
        CHECK_NO_TRAP(15)
        TV_PASS
M_TRAP_HANDLER
TV_END
