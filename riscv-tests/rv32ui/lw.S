/* lw rd, off(rs1): load an aligned 32-bit word (little-endian byte order). */
#include "ui_macros.h"
TV_BEGIN
        LD( 1, lw, 0x00ff00ff, 0, tdat)
        LD( 2, lw, 0xff00ff00, 4, tdat)
        LD( 3, lw, 0x0ff00ff0, 8, tdat)
        LD( 4, lw, 0xf00ff00f, 12, tdat)
        LD( 5, lw, 0x80000000, 16, tdat)
        LD( 6, lw, 0x7fffffff, 20, tdat)
        LD( 7, lw, 0xffffffff, 24, tdat)
        LD( 8, lw, 0x00000000, 28, tdat)
        LD( 9, lw, 0x04030201, 32, tdat)                   /* byte order: lowest address = LSB */
        /* negative offsets */
        LD(10, lw, 0x00ff00ff, -36, tdat+36)
        LD(11, lw, 0x80000000, -20, tdat+36)
        LD(12, lw, 0x04030201, -4, tdat+36)
        /* extreme offsets (base not aligned, effective address aligned) */
        LD(13, lw, 0xf00ff00f, 2047, tdat+12-2047)
        LD(14, lw, 0x7fffffff, -2048, tdat+20+2048)
        LD(15, lw, 0x0ff00ff0, 0, tdat+8)
        LD_SAME(16, lw, 0xff00ff00, 4, tdat)
        li TESTNUM, 17
        la a1, tdat
        lw x0, 24(a1)
        bnez x0, fail
        /* pointer chasing: the loaded value is used as the next base */
        li TESTNUM, 18
        la a1, chain0
        lw a1, 0(a1)
        lw a1, 0(a1)
        lw a1, 4(a1)
        li t0, 0xc0ffee00
        bne a1, t0, fail
        TV_PASS
TV_END

        .data
        .align 4
tdat:   .word 0x00ff00ff, 0xff00ff00, 0x0ff00ff0, 0xf00ff00f
        .word 0x80000000, 0x7fffffff, 0xffffffff, 0x00000000
        .byte 0x01, 0x02, 0x03, 0x04
chain0: .word chain1
chain1: .word chain2
chain2: .word 0x11111111, 0xc0ffee00
