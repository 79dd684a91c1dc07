/* beq rs1, rs2, off: branch if rs1 == rs2 (all 32 bits compared). */
#include "ui_macros.h"
TV_BEGIN
        j 18f
near_fail:                  /* in B-type range of the checks that branch to it */
        j fail
18:
        BR_TAKEN( 1, beq, 0x00000000, 0x00000000)
        BR_TAKEN( 2, beq, 0x00000001, 0x00000001)
        BR_TAKEN( 3, beq, 0xffffffff, 0xffffffff)
        BR_TAKEN( 4, beq, 0x80000000, 0x80000000)
        BR_NOT_TAKEN( 5, beq, 0x00000000, 0x00000001)
        BR_NOT_TAKEN( 6, beq, 0x00000001, 0x00000000)
        BR_NOT_TAKEN( 7, beq, 0xffffffff, 0x7fffffff)      /* differ only in bit 31 */
        BR_NOT_TAKEN( 8, beq, 0x00000000, 0x80000000)
        BR_NOT_TAKEN( 9, beq, 0xffffffff, 0x00000001)
        BR_NOT_TAKEN(10, beq, 0x12345678, 0x12345679)      /* differ only in bit 0 */
        BR_TAKEN_SAME(11, beq, 0x5a5a5a5a)
        /* x0 operands */
        li TESTNUM, 12
        beq x0, x0, 10f                                     /* always taken ("j") */
        j fail
10:     li a1, 1
        beq a1, x0, near_fail
        beq x0, a1, near_fail
        li a1, 0
        li TESTNUM, 13
        beq a1, x0, 11f
        j fail
11:
        /* extreme offsets +4092 / -4096 */
        BR_TAKEN_FAR(14, beq, 0x0000abcd, 0x0000abcd)
        BR_NOT_TAKEN_FAR(15, beq, 0x0000abcd, 0x0000abce)
        /* a taken branch does not execute the instruction after it (no delay slot) */
        li TESTNUM, 16
        li a3, 0
        beq a3, a3, 12f
        addi a3, a3, 1
12:     bnez a3, near_fail
        TV_PASS
TV_END
