/* bge rs1, rs2, off: branch if (signed)rs1 >= (signed)rs2. */
#include "ui_macros.h"
TV_BEGIN
        j 18f
near_fail:                  /* in B-type range of the checks that branch to it */
        j fail
18:
        BR_TAKEN( 1, bge, 0x00000000, 0x00000000)          /* equal */
        BR_TAKEN( 2, bge, 0x00000001, 0x00000000)
        BR_TAKEN( 3, bge, 0x00000001, 0xffffffff)          /* 1 >= -1 */
        BR_TAKEN( 4, bge, 0xffffffff, 0xfffffffe)
        BR_TAKEN( 5, bge, 0x7fffffff, 0x80000000)          /* INT_MAX >= INT_MIN */
        BR_TAKEN( 6, bge, 0x00000000, 0x80000000)
        BR_TAKEN( 7, bge, 0x80000000, 0x80000000)
        BR_TAKEN( 8, bge, 0xffffffff, 0x80000000)
        BR_NOT_TAKEN( 9, bge, 0x00000000, 0x00000001)
        BR_NOT_TAKEN(10, bge, 0xffffffff, 0x00000001)
        BR_NOT_TAKEN(11, bge, 0xfffffffe, 0xffffffff)
        BR_NOT_TAKEN(12, bge, 0x80000000, 0x7fffffff)      /* unsigned order would take it */
        BR_NOT_TAKEN(13, bge, 0x80000000, 0x00000000)
        BR_NOT_TAKEN(14, bge, 0x7ffffffe, 0x7fffffff)
        BR_TAKEN_SAME(15, bge, 0x80000000)
        /* x0 operands: bgez / blez */
        li TESTNUM, 16
        bge x0, x0, 10f
        j fail
10:     li a1, 0xffffffff
        bge a1, x0, near_fail
        bge x0, a1, 11f
        j fail
11:     li a1, 0x7fffffff
        bge x0, a1, near_fail
        bge a1, x0, 12f
        j fail
12:
        BR_TAKEN_FAR(17, bge, 0x00000001, 0x80000000)
        BR_NOT_TAKEN_FAR(18, bge, 0x80000000, 0x00000001)
        TV_PASS
TV_END
