/* HINT encodings of RV32I execute as no-ops: they write no register (rd = x0),
 * touch no memory, and fall through to pc + 4. Every register except gp and t6
 * (used by the checks) is loaded with a distinct value and compared afterwards. */
#include "ui_macros.h"

/* x1..x30 except gp := distinct values (sp is overwritten too: nothing here uses the stack) */
#define FILL_REGS \
        li x1, 0x81010101; \
        li x2, 0x82020202; \
        li x4, 0x84040404; \
        li x5, 0x85050505; \
        li x6, 0x86060606; \
        li x7, 0x87070707; \
        li x8, 0x88080808; \
        li x9, 0x89090909; \
        li x10, 0x8a0a0a0a; \
        li x11, 0x8b0b0b0b; \
        li x12, 0x8c0c0c0c; \
        li x13, 0x8d0d0d0d; \
        li x14, 0x8e0e0e0e; \
        li x15, 0x8f0f0f0f; \
        li x16, 0x90101010; \
        li x17, 0x91111111; \
        li x18, 0x92121212; \
        li x19, 0x93131313; \
        li x20, 0x94141414; \
        li x21, 0x95151515; \
        li x22, 0x96161616; \
        li x23, 0x97171717; \
        li x24, 0x98181818; \
        li x25, 0x99191919; \
        li x26, 0x9a1a1a1a; \
        li x27, 0x9b1b1b1b; \
        li x28, 0x9c1c1c1c; \
        li x29, 0x9d1d1d1d; \
        li x30, 0x9e1e1e1e; \
        nop

/* all those registers still hold their values; TESTNUM must be set before */
#define CHECK_REGS \
        li t6, 0x81010101; bne x1, t6, fail; \
        li t6, 0x82020202; bne x2, t6, fail; \
        li t6, 0x84040404; bne x4, t6, fail; \
        li t6, 0x85050505; bne x5, t6, fail; \
        li t6, 0x86060606; bne x6, t6, fail; \
        li t6, 0x87070707; bne x7, t6, fail; \
        li t6, 0x88080808; bne x8, t6, fail; \
        li t6, 0x89090909; bne x9, t6, fail; \
        li t6, 0x8a0a0a0a; bne x10, t6, fail; \
        li t6, 0x8b0b0b0b; bne x11, t6, fail; \
        li t6, 0x8c0c0c0c; bne x12, t6, fail; \
        li t6, 0x8d0d0d0d; bne x13, t6, fail; \
        li t6, 0x8e0e0e0e; bne x14, t6, fail; \
        li t6, 0x8f0f0f0f; bne x15, t6, fail; \
        li t6, 0x90101010; bne x16, t6, fail; \
        li t6, 0x91111111; bne x17, t6, fail; \
        li t6, 0x92121212; bne x18, t6, fail; \
        li t6, 0x93131313; bne x19, t6, fail; \
        li t6, 0x94141414; bne x20, t6, fail; \
        li t6, 0x95151515; bne x21, t6, fail; \
        li t6, 0x96161616; bne x22, t6, fail; \
        li t6, 0x97171717; bne x23, t6, fail; \
        li t6, 0x98181818; bne x24, t6, fail; \
        li t6, 0x99191919; bne x25, t6, fail; \
        li t6, 0x9a1a1a1a; bne x26, t6, fail; \
        li t6, 0x9b1b1b1b; bne x27, t6, fail; \
        li t6, 0x9c1c1c1c; bne x28, t6, fail; \
        li t6, 0x9d1d1d1d; bne x29, t6, fail; \
        li t6, 0x9e1e1e1e; bne x30, t6, fail; \
        bnez x0, fail

TV_BEGIN
        FILL_REGS

        /* the canonical nop and the other addi forms with rd = x0 */
        addi x0, x0, 0
        addi x0, x0, 1
        addi x0, x0, -2048
        addi x0, x10, 2047
        li TESTNUM, 1
        CHECK_REGS

        /* other OP-IMM with rd = x0 */
        slti  x0, x5, 3
        sltiu x0, x6, -1
        xori  x0, x7, -1
        ori   x0, x8, 0x555
        andi  x0, x9, 0x0ff
        li TESTNUM, 2
        CHECK_REGS

        /* shift-immediate hints, including the semihosting-marker-style pair
           (without the ebreak in between they are plain no-ops) */
        slli x0, x0, 0x1f
        srai x0, x0, 7
        slli x0, x11, 5
        srli x0, x12, 31
        srai x0, x13, 1
        li TESTNUM, 3
        CHECK_REGS

        /* lui / auipc with rd = x0 */
        lui   x0, 0x12345
        auipc x0, 0xfffff
        li TESTNUM, 4
        CHECK_REGS

        /* OP with rd = x0; add x0, x0, x2..x5 are the Zihintntl encodings */
        add  x0, x0, x2
        add  x0, x0, x3
        add  x0, x0, x4
        add  x0, x0, x5
        add  x0, x14, x15
        sub  x0, x16, x17
        sll  x0, x18, x19
        slt  x0, x20, x21
        sltu x0, x22, x23
        xor  x0, x24, x25
        srl  x0, x26, x27
        sra  x0, x28, x29
        or   x0, x30, x1
        and  x0, x1, x30
        li TESTNUM, 5
        CHECK_REGS

        /* FENCE hints: pred = 0 and/or succ = 0 (fence w,0 is Zihintpause's PAUSE) */
        .word 0x0100000f            /* fence w, 0 (pause) */
        .word 0x0000000f            /* fence 0, 0 */
        .word 0x00f0000f            /* fence 0, iorw */
        .word 0x0f00000f            /* fence iorw, 0 */
        li TESTNUM, 6
        CHECK_REGS

        /* hints inside a loop body still fall through to pc + 4 every time */
        li TESTNUM, 7
        li t6, 0
        li gp, 10
10:     addi x0, x0, 3
        slli x0, x0, 0x1f
        add  x0, x0, x2
        addi t6, t6, 1
        bne  t6, gp, 10b
        li TESTNUM, 7
        CHECK_REGS
        TV_PASS
TV_END
