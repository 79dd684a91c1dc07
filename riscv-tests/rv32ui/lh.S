/* lh rd, off(rs1): load an aligned halfword (little-endian), sign-extend bit 15. */
#include "ui_macros.h"
TV_BEGIN
        /* both halfword lanes of each word */
        LD( 1, lh, 0x00000281, 0, tdat)
        LD( 2, lh, 0xffffff7f, 2, tdat)                    /* 0xff7f: negative */
        LD( 3, lh, 0xffff8000, 4, tdat)                    /* most negative halfword */
        LD( 4, lh, 0x00007ffe, 6, tdat)
        LD( 5, lh, 0x00000000, 8, tdat)
        LD( 6, lh, 0xffff8000, 10, tdat)
        LD( 7, lh, 0xffffffff, 12, tdat)
        LD( 8, lh, 0x00007fff, 14, tdat)                   /* largest positive halfword */
        /* negative offsets */
        LD( 9, lh, 0x00000281, -16, tdat+16)
        LD(10, lh, 0xffffff7f, -14, tdat+16)
        LD(11, lh, 0xffffffff, -4, tdat+16)
        LD(12, lh, 0x00007fff, -2, tdat+16)
        /* extreme offsets (odd base, even effective address) */
        LD(13, lh, 0xffffff7f, 2047, tdat+2-2047)
        LD(14, lh, 0xffff8000, -2048, tdat+4+2048)
        LD_SAME(15, lh, 0x00007ffe, 6, tdat)
        li TESTNUM, 16
        la a1, tdat
        lh x0, 2(a1)
        bnez x0, fail
        TV_PASS
TV_END

        .data
        .align 4
tdat:   .half 0x0281, 0xff7f
        .half 0x8000, 0x7ffe
        .half 0x0000, 0x8000
        .half 0xffff, 0x7fff
