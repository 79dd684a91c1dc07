/* bgeu rs1, rs2, off: branch if (unsigned)rs1 >= (unsigned)rs2. */
#include "ui_macros.h"
TV_BEGIN
        j 18f
near_fail:                  /* in B-type range of the checks that branch to it */
        j fail
18:
        BR_TAKEN( 1, bgeu, 0x00000000, 0x00000000)         /* equal */
        BR_TAKEN( 2, bgeu, 0x00000001, 0x00000000)
        BR_TAKEN( 3, bgeu, 0xffffffff, 0x00000001)         /* signed order would not take it */
        BR_TAKEN( 4, bgeu, 0xffffffff, 0xfffffffe)
        BR_TAKEN( 5, bgeu, 0x80000000, 0x7fffffff)
        BR_TAKEN( 6, bgeu, 0x80000000, 0x00000000)
        BR_TAKEN( 7, bgeu, 0xffffffff, 0xffffffff)
        BR_NOT_TAKEN( 8, bgeu, 0x00000000, 0x00000001)
        BR_NOT_TAKEN( 9, bgeu, 0x00000001, 0xffffffff)     /* signed order would take it */
        BR_NOT_TAKEN(10, bgeu, 0xfffffffe, 0xffffffff)
        BR_NOT_TAKEN(11, bgeu, 0x7fffffff, 0x80000000)
        BR_NOT_TAKEN(12, bgeu, 0x00000000, 0x80000000)
        BR_NOT_TAKEN(13, bgeu, 0x80000000, 0xffffffff)
        BR_TAKEN_SAME(14, bgeu, 0xffffffff)
        /* x0 operands: everything is >= 0; 0 >= x only for x == 0 */
        li TESTNUM, 15
        li a1, 0x80000000
        bgeu a1, x0, 10f
        j fail
10:     bgeu x0, a1, near_fail
        bgeu x0, x0, 11f
        j fail
11:
        BR_TAKEN_FAR(16, bgeu, 0x80000000, 0x00000001)
        BR_NOT_TAKEN_FAR(17, bgeu, 0x00000001, 0x80000000)
        TV_PASS
TV_END
