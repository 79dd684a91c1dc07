/* sh rs2, off(rs1): store rs2[15:0] to an aligned halfword; other bytes stay. */
#include "ui_macros.h"
TV_BEGIN
        ST( 1, sh, 0x12345678, 0, buf)                     /* only 0x5678 is stored */
        MEM_WORD( 1, buf, 0xaaaa5678)
        ST( 2, sh, 0xffff8001, 2, buf)
        MEM_WORD( 2, buf, 0x80015678)
        MEM_WORD( 3, guard0, 0x5a5a5a5a)
        MEM_WORD( 3, buf+4, 0xaaaaaaaa)
        /* negative offsets into word1 */
        ST( 4, sh, 0x0000ffff, -2, buf+8)
        MEM_WORD( 4, buf+4, 0xffffaaaa)
        ST( 5, sh, 0x7fff0000, -4, buf+8)
        MEM_WORD( 5, buf+4, 0xffff0000)
        /* extreme offsets */
        ST( 6, sh, 0x00001234, 2047, buf-2047)
        MEM_WORD( 6, buf, 0x80011234)
        ST( 7, sh, 0xcafe7ffe, -2048, buf+6+2048)
        MEM_WORD( 7, buf+4, 0x7ffe0000)
        /* sh x0 stores a zero halfword */
        li TESTNUM, 8
        la a1, buf
        sh x0, 2(a1)
        MEM_WORD( 8, buf, 0x00001234)
        MEM_WORD( 9, guard0, 0x5a5a5a5a)
        MEM_WORD(10, guard1, 0x5a5a5a5a)
        /* halfword / byte loads see the stored data immediately */
        la a1, buf
        lh a0, 6(a1)
        TV_CHECK_REG(11, a0, 0x7ffe)
        lbu a0, 7(a1)
        TV_CHECK_REG(12, a0, 0x7f)
        lbu a0, 6(a1)
        TV_CHECK_REG(13, a0, 0xfe)
        li a2, 0xffff8421
        sh a2, 4(a1)
        lh a0, 4(a1)
        TV_CHECK_REG(14, a0, 0xffff8421)
        lhu a0, 4(a1)
        TV_CHECK_REG(15, a0, 0x8421)
        MEM_WORD(16, buf+4, 0x7ffe8421)
        TV_PASS
TV_END

        .data
        .align 4
guard0: .word 0x5a5a5a5a
buf:    .word 0xaaaaaaaa, 0xaaaaaaaa
guard1: .word 0x5a5a5a5a
