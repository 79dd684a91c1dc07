/* lb rd, off(rs1): load one byte, sign-extend bit 7 into rd[31:8]. */
#include "ui_macros.h"
TV_BEGIN
        /* every byte lane of two words, positive offsets from the start */
        LD( 1, lb, 0xffffff81, 0, tdat)
        LD( 2, lb, 0x00000002, 1, tdat)
        LD( 3, lb, 0x0000007f, 2, tdat)                    /* largest positive byte */
        LD( 4, lb, 0xffffffff, 3, tdat)
        LD( 5, lb, 0x00000000, 4, tdat)
        LD( 6, lb, 0xffffff80, 5, tdat)                    /* most negative byte */
        LD( 7, lb, 0xfffffffe, 6, tdat)
        LD( 8, lb, 0x0000007f, 7, tdat)
        /* negative offsets from a base past the data */
        LD( 9, lb, 0xffffff81, -8, tdat+8)
        LD(10, lb, 0xffffffff, -5, tdat+8)
        LD(11, lb, 0xffffff80, -3, tdat+8)
        LD(12, lb, 0x0000007f, -1, tdat+8)
        /* extreme 12-bit offsets */
        LD(13, lb, 0xffffff81, 2047, tdat-2047)
        LD(14, lb, 0x00000002, -2048, tdat+1+2048)
        /* rd == rs1: the address uses the old base value */
        LD_SAME(15, lb, 0xfffffffe, 6, tdat)
        /* rd == x0: the loaded value is discarded */
        li TESTNUM, 16
        la a1, tdat
        lb x0, 0(a1)
        bnez x0, fail
        /* the load leaves memory and the base register alone */
        li TESTNUM, 17
        la a2, tdat
        mv a1, a2
        lb a0, 3(a1)
        bne a1, a2, fail
        lw a0, 0(a2)
        li t0, 0xff7f0281
        bne a0, t0, fail
        TV_PASS
TV_END

        .data
        .align 4
tdat:   .byte 0x81, 0x02, 0x7f, 0xff
        .byte 0x00, 0x80, 0xfe, 0x7f
