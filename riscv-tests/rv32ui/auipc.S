/* auipc rd, imm20: rd = pc + (imm20 << 12), pc = address of the auipc itself.
 * The reference pc comes from jal's link value, not from auipc. */
#include "ui_macros.h"

/* a1 = address of the auipc (via jal link), a0 = auipc result; check a0 - a1 */
#define AUIPC_CHK(n, imm, delta)                                  \
        li TESTNUM, n;                                            \
        jal a1, 1f;                                               \
1:      auipc a0, imm;                                            \
        sub a0, a0, a1;                                           \
        li t0, delta;                                             \
        bne a0, t0, fail

TV_BEGIN
        AUIPC_CHK( 1, 0x00000, 0x00000000)
        AUIPC_CHK( 2, 0x00001, 0x00001000)
        AUIPC_CHK( 3, 0xfffff, 0xfffff000)                 /* pc - 4096 */
        AUIPC_CHK( 4, 0x80000, 0x80000000)
        AUIPC_CHK( 5, 0x7ffff, 0x7ffff000)
        AUIPC_CHK( 6, 0x12345, 0x12345000)
        /* absolute result with wrap-around: pc is 0x8000xxxx here, so pc + 0x80000000 = pc - 0x80000000 */
        li TESTNUM, 7
        jal a1, 10f
10:     auipc a0, 0x80000
        li t0, 0x80000000
        xor a1, a1, t0
        bne a0, a1, fail
        /* two auipc in a row differ by exactly 4 */
        li TESTNUM, 8
        auipc a0, 0
        auipc a2, 0
        sub a2, a2, a0
        li t0, 4
        bne a2, t0, fail
        /* auipc + addi pc-relative address pair matches the linker's absolute address */
        li TESTNUM, 9
11:     auipc a0, %pcrel_hi(target)
        addi a0, a0, %pcrel_lo(11b)
        la t0, target_addr
        lw t1, 0(t0)
        bne a0, t1, fail
        /* auipc + lw pair (pc-relative load of data) */
        li TESTNUM, 10
12:     auipc a0, %pcrel_hi(target)
        lw a0, %pcrel_lo(12b)(a0)
        li t0, 0x600dc0de
        bne a0, t0, fail
        /* auipc x0 is a hint: x0 stays zero */
        li TESTNUM, 11
        auipc x0, 0x12345
        bnez x0, fail
        TV_PASS
TV_END

        .data
        .align 4
target:      .word 0x600dc0de
target_addr: .word target                                   /* absolute, from the linker */
