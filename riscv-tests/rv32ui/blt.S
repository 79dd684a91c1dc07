/* blt rs1, rs2, off: branch if (signed)rs1 < (signed)rs2. */
#include "ui_macros.h"
TV_BEGIN
        j 18f
near_fail:                  /* in B-type range of the checks that branch to it */
        j fail
18:
        BR_TAKEN( 1, blt, 0x00000000, 0x00000001)
        BR_TAKEN( 2, blt, 0xffffffff, 0x00000001)          /* -1 < 1 */
        BR_TAKEN( 3, blt, 0xfffffffe, 0xffffffff)          /* -2 < -1 */
        BR_TAKEN( 4, blt, 0x80000000, 0x7fffffff)          /* INT_MIN < INT_MAX */
        BR_TAKEN( 5, blt, 0x80000000, 0x00000000)
        BR_TAKEN( 6, blt, 0x80000000, 0xffffffff)
        BR_TAKEN( 7, blt, 0x7ffffffe, 0x7fffffff)
        BR_NOT_TAKEN( 8, blt, 0x00000001, 0x00000000)
        BR_NOT_TAKEN( 9, blt, 0x00000001, 0xffffffff)
        BR_NOT_TAKEN(10, blt, 0xffffffff, 0xfffffffe)
        BR_NOT_TAKEN(11, blt, 0x7fffffff, 0x80000000)      /* unsigned order would take it */
        BR_NOT_TAKEN(12, blt, 0x00000000, 0x80000000)
        BR_NOT_TAKEN(13, blt, 0x00000000, 0x00000000)      /* equal is not less */
        BR_NOT_TAKEN(14, blt, 0x80000000, 0x80000000)
        BR_NOT_TAKEN_SAME(15, blt, 0xffffffff)
        /* x0 operands: bltz / bgtz */
        li TESTNUM, 16
        li a1, 0xffffffff
        blt a1, x0, 10f
        j fail
10:     blt x0, a1, near_fail
        li a1, 1
        blt a1, x0, near_fail
        blt x0, a1, 11f
        j fail
11:     blt x0, x0, near_fail
        BR_TAKEN_FAR(17, blt, 0x80000000, 0x00000001)
        BR_NOT_TAKEN_FAR(18, blt, 0x00000001, 0x80000000)
        TV_PASS
TV_END
