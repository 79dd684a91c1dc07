/* bne rs1, rs2, off: branch if rs1 != rs2. */
#include "ui_macros.h"
TV_BEGIN
        j 18f
near_fail:                  /* in B-type range of the checks that branch to it */
        j fail
18:
        BR_TAKEN( 1, bne, 0x00000000, 0x00000001)
        BR_TAKEN( 2, bne, 0x00000001, 0x00000000)
        BR_TAKEN( 3, bne, 0xffffffff, 0x7fffffff)          /* differ only in bit 31 */
        BR_TAKEN( 4, bne, 0x00000000, 0x80000000)
        BR_TAKEN( 5, bne, 0x12345678, 0x12345679)          /* differ only in bit 0 */
        BR_TAKEN( 6, bne, 0xffffffff, 0x00000001)
        BR_NOT_TAKEN( 7, bne, 0x00000000, 0x00000000)
        BR_NOT_TAKEN( 8, bne, 0x00000001, 0x00000001)
        BR_NOT_TAKEN( 9, bne, 0xffffffff, 0xffffffff)
        BR_NOT_TAKEN(10, bne, 0x80000000, 0x80000000)
        BR_NOT_TAKEN_SAME(11, bne, 0x5a5a5a5a)
        /* x0 operands */
        li TESTNUM, 12
        bne x0, x0, near_fail
        li a1, 0x80000000
        bne a1, x0, 10f
        j fail
10:     bne x0, a1, 11f
        j fail
11:
        BR_TAKEN_FAR(13, bne, 0x0000abcd, 0x0000abce)
        BR_NOT_TAKEN_FAR(14, bne, 0x0000abcd, 0x0000abcd)
        /* countdown loop with a backward bne: body runs exactly 5 times */
        li TESTNUM, 15
        li a1, 5
        li a3, 0
12:     addi a3, a3, 3
        addi a1, a1, -1
        bne a1, x0, 12b
        li t0, 15
        bne a3, t0, near_fail
        TV_PASS
TV_END
