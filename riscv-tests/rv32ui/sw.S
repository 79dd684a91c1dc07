/* sw rs2, off(rs1): store a 32-bit word, little-endian. */
#include "ui_macros.h"
TV_BEGIN
        ST( 1, sw, 0x00aa00aa, 0, buf)
        MEM_WORD( 1, buf, 0x00aa00aa)
        ST( 2, sw, 0xaa00aa00, 4, buf)
        MEM_WORD( 2, buf+4, 0xaa00aa00)
        ST( 3, sw, 0x80000000, 8, buf)
        MEM_WORD( 3, buf+8, 0x80000000)
        ST( 4, sw, 0x7fffffff, 12, buf)
        MEM_WORD( 4, buf+12, 0x7fffffff)
        MEM_WORD( 5, buf, 0x00aa00aa)                      /* earlier stores intact */
        MEM_WORD( 5, buf+4, 0xaa00aa00)
        MEM_WORD( 5, buf+8, 0x80000000)
        MEM_WORD( 6, guard0, 0x5a5a5a5a)
        MEM_WORD( 6, guard1, 0x5a5a5a5a)
        /* negative offsets */
        ST( 7, sw, 0x12345678, -16, buf+16)
        MEM_WORD( 7, buf, 0x12345678)
        ST( 8, sw, 0xfedcba98, -4, buf+16)
        MEM_WORD( 8, buf+12, 0xfedcba98)
        /* extreme offsets (unaligned base, aligned address) */
        ST( 9, sw, 0x0badf00d, 2047, buf+4-2047)
        MEM_WORD( 9, buf+4, 0x0badf00d)
        ST(10, sw, 0xdeadbeef, -2048, buf+8+2048)
        MEM_WORD(10, buf+8, 0xdeadbeef)
        /* sw x0 stores zero */
        li TESTNUM, 11
        la a1, buf
        sw x0, 12(a1)
        MEM_WORD(11, buf+12, 0x00000000)
        MEM_WORD(12, guard0, 0x5a5a5a5a)
        MEM_WORD(13, guard1, 0x5a5a5a5a)
        /* byte order: the least significant byte goes to the lowest address */
        la a1, buf
        li a2, 0x04030201
        sw a2, 0(a1)
        lbu a0, 0(a1)
        TV_CHECK_REG(14, a0, 0x01)
        lbu a0, 1(a1)
        TV_CHECK_REG(15, a0, 0x02)
        lbu a0, 2(a1)
        TV_CHECK_REG(16, a0, 0x03)
        lbu a0, 3(a1)
        TV_CHECK_REG(17, a0, 0x04)
        lhu a0, 2(a1)
        TV_CHECK_REG(18, a0, 0x0403)
        /* base register equal to data register: stores the address itself */
        li TESTNUM, 19
        la a1, buf
        sw a1, 4(a1)
        lw a0, 4(a1)
        bne a0, a1, fail
        TV_PASS
TV_END

        .data
        .align 4
guard0: .word 0x5a5a5a5a
buf:    .word 0xaaaaaaaa, 0xaaaaaaaa, 0xaaaaaaaa, 0xaaaaaaaa
guard1: .word 0x5a5a5a5a
