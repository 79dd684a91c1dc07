# trapvisor-specific (no C, IALIGN=32): a taken JAL/JALR/branch to an address that is
# 2 mod 4 raises instruction-address-misaligned on the jump itself: mcause 0,
# mepc = the jump, mtval = the target; the link register is not written.
# QEMU enables C by default (then no exception); under QEMU with -cpu rv32,c=false it passes.
# (The IALIGN-independent rules are in fetch-align-ok.S.)
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)

        # jalr to +2
        la t0, target
        addi t0, t0, 2
        li ra, 0x77
        TRAP_CLEAR
1:      jalr ra, 0(t0)
        CHECK_MTRAP(1, CAUSE_MISALIGNED_FETCH, 1b)
        TV_CHECK_EQ(2, s11, t0)
        TV_CHECK_REG(3, ra, 0x77)

        # jalr with offset making it misaligned
        la t0, target
        TRAP_CLEAR
4:      jalr ra, 6(t0)
        CHECK_MTRAP(4, CAUSE_MISALIGNED_FETCH, 4b)
        addi t1, t0, 6
        TV_CHECK_EQ(5, s11, t1)
        TV_CHECK_REG(6, ra, 0x77)

        # jalr offset 3: bit 0 is cleared first, remaining target is 2 mod 4 -> trap
        TRAP_CLEAR
7:      jalr ra, 3(t0)
        CHECK_MTRAP(7, CAUSE_MISALIGNED_FETCH, 7b)
        addi t1, t0, 2
        TV_CHECK_EQ(8, s11, t1)

        # jal to a misaligned target (encoded by hand: jal x0, +6)
        TRAP_CLEAR
9:      .word 0x0060006f
        CHECK_MTRAP(9, CAUSE_MISALIGNED_FETCH, 9b)
        la t1, 9b
        addi t1, t1, 6
        TV_CHECK_EQ(10, s11, t1)

        # taken branch to a misaligned target (beq x0, x0, +10)
        TRAP_CLEAR
11:     .word 0x00000563
        CHECK_MTRAP(11, CAUSE_MISALIGNED_FETCH, 11b)
        la t1, 11b
        addi t1, t1, 10
        TV_CHECK_EQ(12, s11, t1)

        # mret to mepc with bit 1 set cannot happen: mepc[1] reads 0 (see xepc-lowbits.S)
        TV_PASS
        .align 3
target:
        j fail
        j fail
        j fail
M_TRAP_HANDLER
TV_END
