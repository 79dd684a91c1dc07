/* lbu rd, off(rs1): load one byte, zero-extend into rd[31:8]. */
#include "ui_macros.h"
TV_BEGIN
        LD( 1, lbu, 0x00000081, 0, tdat)
        LD( 2, lbu, 0x00000002, 1, tdat)
        LD( 3, lbu, 0x0000007f, 2, tdat)
        LD( 4, lbu, 0x000000ff, 3, tdat)                   /* no sign extension */
        LD( 5, lbu, 0x00000000, 4, tdat)
        LD( 6, lbu, 0x00000080, 5, tdat)
        LD( 7, lbu, 0x000000fe, 6, tdat)
        LD( 8, lbu, 0x0000007f, 7, tdat)
        LD( 9, lbu, 0x00000081, -8, tdat+8)
        LD(10, lbu, 0x000000ff, -5, tdat+8)
        LD(11, lbu, 0x00000080, -3, tdat+8)
        LD(12, lbu, 0x0000007f, -1, tdat+8)
        LD(13, lbu, 0x00000081, 2047, tdat-2047)
        LD(14, lbu, 0x000000ff, -2048, tdat+3+2048)
        LD_SAME(15, lbu, 0x000000fe, 6, tdat)
        /* rd previously holding all ones: upper bits must be cleared */
        li TESTNUM, 16
        li a0, -1
        la a1, tdat
        lbu a0, 5(a1)
        li t0, 0x80
        bne a0, t0, fail
        li TESTNUM, 17
        lbu x0, 3(a1)
        bnez x0, fail
        TV_PASS
TV_END

        .data
        .align 4
tdat:   .byte 0x81, 0x02, 0x7f, 0xff
        .byte 0x00, 0x80, 0xfe, 0x7f
