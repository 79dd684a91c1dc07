/* lhu rd, off(rs1): load an aligned halfword (little-endian), zero-extend. */
#include "ui_macros.h"
TV_BEGIN
        LD( 1, lhu, 0x00000281, 0, tdat)
        LD( 2, lhu, 0x0000ff7f, 2, tdat)                   /* no sign extension */
        LD( 3, lhu, 0x00008000, 4, tdat)
        LD( 4, lhu, 0x00007ffe, 6, tdat)
        LD( 5, lhu, 0x00000000, 8, tdat)
        LD( 6, lhu, 0x00008000, 10, tdat)
        LD( 7, lhu, 0x0000ffff, 12, tdat)
        LD( 8, lhu, 0x00007fff, 14, tdat)
        LD( 9, lhu, 0x00000281, -16, tdat+16)
        LD(10, lhu, 0x0000ff7f, -14, tdat+16)
        LD(11, lhu, 0x0000ffff, -4, tdat+16)
        LD(12, lhu, 0x00007fff, -2, tdat+16)
        LD(13, lhu, 0x0000ff7f, 2047, tdat+2-2047)
        LD(14, lhu, 0x00008000, -2048, tdat+4+2048)
        LD_SAME(15, lhu, 0x0000ffff, 12, tdat)
        li TESTNUM, 16
        li a0, -1
        la a1, tdat
        lhu a0, 10(a1)
        li t0, 0x8000
        bne a0, t0, fail
        li TESTNUM, 17
        lhu x0, 12(a1)
        bnez x0, fail
        TV_PASS
TV_END

        .data
        .align 4
tdat:   .half 0x0281, 0xff7f
        .half 0x8000, 0x7ffe
        .half 0x0000, 0x8000
        .half 0xffff, 0x7fff
