# Control-transfer alignment rules that hold with or without C:
#   JALR clears bit 0 of the computed target (no exception for target+1);
#   a NOT-taken branch to a misaligned target raises nothing;
#   jumps to 4-byte-aligned targets are fine.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        la t0, tgt1
        addi t0, t0, 1
        li a5, 0
        jalr ra, 0(t0)
lnk1:   j fail
tgt1:   li a5, 1
        TV_CHECK_REG(1, a5, 1)
        CHECK_NO_TRAP(2)
        CHECK_LABEL(3, ra, lnk1)            # link = address after the jalr

        # not-taken branch with misaligned offset: bne x0, x0, +10
        TRAP_CLEAR
        .word 0x00001563
        CHECK_NO_TRAP(4)
        # not-taken blt to +6 (blt x0,x0,+6)
        .word 0x00004363
        CHECK_NO_TRAP(5)
        TV_PASS
M_TRAP_HANDLER
TV_END
