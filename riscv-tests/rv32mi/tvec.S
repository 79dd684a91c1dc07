# mtvec / stvec: BASE is stored, MODE 0 (direct) and 1 (vectored) are stored, MODE 2
# and 3 are reserved and must not be kept (WARL: the field reads 0 or 1 afterwards).
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        csrr s0, mtvec

        la a0, tvec_area                     # 256-byte aligned
        csrw mtvec, a0
        csrr a1, mtvec
        TV_CHECK_EQ(1, a1, a0)
        ori a2, a0, 1                        # vectored
        csrw mtvec, a2
        csrr a1, mtvec
        TV_CHECK_EQ(2, a1, a2)
        ori a2, a0, 2                        # reserved mode 2
        csrw mtvec, a2
        csrr a1, mtvec
        andi a1, a1, 3
        li TESTNUM, 3
        sltiu a1, a1, 2
        beqz a1, fail
        ori a2, a0, 3                        # reserved mode 3
        csrw mtvec, a2
        csrr a1, mtvec
        andi a1, a1, 3
        li TESTNUM, 4
        sltiu a1, a1, 2
        beqz a1, fail

        csrw mtvec, s0                       # handler back for the stvec part
        csrr a1, mtvec
        TV_CHECK_EQ(5, a1, s0)

        csrw stvec, a0
        csrr a1, stvec
        TV_CHECK_EQ(10, a1, a0)
        ori a2, a0, 1
        csrw stvec, a2
        csrr a1, stvec
        TV_CHECK_EQ(11, a1, a2)
        ori a2, a0, 2
        csrw stvec, a2
        csrr a1, stvec
        andi a1, a1, 3
        li TESTNUM, 12
        sltiu a1, a1, 2
        beqz a1, fail
        ori a2, a0, 3
        csrw stvec, a2
        csrr a1, stvec
        andi a1, a1, 3
        li TESTNUM, 13
        sltiu a1, a1, 2
        beqz a1, fail
        # stvec and mtvec are distinct registers
        csrr a1, mtvec
        TV_CHECK_EQ(14, a1, s0)

        CHECK_NO_TRAP(15)
        TV_PASS
M_TRAP_HANDLER
        .align 8
tvec_area:
        j fail
TV_END
