/* sb rs2, off(rs1): store rs2[7:0] to one byte; the other bytes of the word stay. */
#include "ui_macros.h"
TV_BEGIN
        /* each lane of word0 in turn; the whole word and its neighbours are checked */
        ST( 1, sb, 0x12345678, 0, buf)                     /* only the low byte 0x78 is stored */
        MEM_WORD( 1, buf, 0xaaaaaa78)
        ST( 2, sb, 0xffffff01, 1, buf)
        MEM_WORD( 2, buf, 0xaaaa0178)
        ST( 3, sb, 0x00000080, 2, buf)
        MEM_WORD( 3, buf, 0xaa800178)
        ST( 4, sb, 0x000000ff, 3, buf)
        MEM_WORD( 4, buf, 0xff800178)
        MEM_WORD( 5, guard0, 0x5a5a5a5a)
        MEM_WORD( 5, buf+4, 0xaaaaaaaa)
        /* negative offsets into word1 */
        ST( 6, sb, 0x00000000, -1, buf+8)
        MEM_WORD( 6, buf+4, 0x00aaaaaa)
        ST( 7, sb, 0x8000007f, -4, buf+8)
        MEM_WORD( 7, buf+4, 0x00aaaa7f)
        /* extreme offsets */
        ST( 8, sb, 0x00000011, 2047, buf-2047)
        MEM_WORD( 8, buf, 0xff800111)
        ST( 9, sb, 0xabcdefee, -2048, buf+6+2048)
        MEM_WORD( 9, buf+4, 0x00eeaa7f)
        /* sb x0 stores a zero byte */
        li TESTNUM, 10
        la a1, buf
        sb x0, 5(a1)
        MEM_WORD(10, buf+4, 0x00ee007f)
        /* guards on both sides never touched */
        MEM_WORD(11, guard0, 0x5a5a5a5a)
        MEM_WORD(12, guard1, 0x5a5a5a5a)
        /* byte loads see the stored bytes immediately */
        la a1, buf
        lbu a0, 0(a1)
        TV_CHECK_REG(13, a0, 0x11)
        lb a0, 2(a1)
        TV_CHECK_REG(14, a0, 0xffffff80)
        lbu a0, 6(a1)
        TV_CHECK_REG(15, a0, 0xee)
        /* store then load the same byte back-to-back, every lane value */
        li TESTNUM, 16
        la a1, guard1
        li a2, 0
10:     sb a2, 2(a1)
        lbu a0, 2(a1)
        bne a0, a2, fail
        addi a2, a2, 1
        li t0, 256
        bne a2, t0, 10b
        MEM_WORD(17, guard1, 0x5aff5a5a)
        TV_PASS
TV_END

        .data
        .align 4
guard0: .word 0x5a5a5a5a
buf:    .word 0xaaaaaaaa, 0xaaaaaaaa
guard1: .word 0x5a5a5a5a
