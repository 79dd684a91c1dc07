/* bltu rs1, rs2, off: branch if (unsigned)rs1 < (unsigned)rs2. */
#include "ui_macros.h"
TV_BEGIN
        j 18f
near_fail:                  /* in B-type range of the checks that branch to it */
        j fail
18:
        BR_TAKEN( 1, bltu, 0x00000000, 0x00000001)
        BR_TAKEN( 2, bltu, 0x00000001, 0xffffffff)         /* 1 < 0xffffffff */
        BR_TAKEN( 3, bltu, 0xfffffffe, 0xffffffff)
        BR_TAKEN( 4, bltu, 0x7fffffff, 0x80000000)         /* signed order would not take it */
        BR_TAKEN( 5, bltu, 0x00000000, 0x80000000)
        BR_TAKEN( 6, bltu, 0x80000000, 0xffffffff)
        BR_TAKEN( 7, bltu, 0x00000000, 0xffffffff)
        BR_NOT_TAKEN( 8, bltu, 0x00000001, 0x00000000)
        BR_NOT_TAKEN( 9, bltu, 0xffffffff, 0x00000001)     /* signed order would take it */
        BR_NOT_TAKEN(10, bltu, 0xffffffff, 0xfffffffe)
        BR_NOT_TAKEN(11, bltu, 0x80000000, 0x7fffffff)
        BR_NOT_TAKEN(12, bltu, 0x80000000, 0x00000000)
        BR_NOT_TAKEN(13, bltu, 0xffffffff, 0xffffffff)     /* equal is not less */
        BR_NOT_TAKEN(14, bltu, 0x00000000, 0x00000000)
        BR_NOT_TAKEN_SAME(15, bltu, 0x80000000)
        /* x0 operands: nothing is below 0; anything nonzero is above it */
        li TESTNUM, 16
        li a1, 0xffffffff
        bltu a1, x0, near_fail
        bltu x0, x0, near_fail
        bltu x0, a1, 10f
        j fail
10:     li a1, 1
        bltu x0, a1, 11f
        j fail
11:
        BR_TAKEN_FAR(17, bltu, 0x00000001, 0x80000000)
        BR_NOT_TAKEN_FAR(18, bltu, 0x80000000, 0x00000001)
        TV_PASS
TV_END
