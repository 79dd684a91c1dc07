/* add rd, rs1, rs2: rd = rs1 + rs2, modulo 2^32 (no overflow trap). */
#include "ui_macros.h"
TV_BEGIN
        /* plain values */
        R_OP( 1, add, 0x00000000, 0x00000000, 0x00000000)
        R_OP( 2, add, 0x00000002, 0x00000001, 0x00000001)
        R_OP( 3, add, 0x0000000a, 0x00000003, 0x00000007)
        R_OP( 4, add, 0x00000000, 0xffffffff, 0x00000001)   /* -1 + 1 */
        R_OP( 5, add, 0xfffffffe, 0xffffffff, 0xffffffff)   /* -1 + -1 */
        R_OP( 6, add, 0xffff8000, 0x00000000, 0xffff8000)
        /* signed overflow wraps silently */
        R_OP( 7, add, 0x80000000, 0x7fffffff, 0x00000001)
        R_OP( 8, add, 0x00000000, 0x80000000, 0x80000000)
        R_OP( 9, add, 0x7fffffff, 0x80000000, 0xffffffff)
        R_OP(10, add, 0xfffffffe, 0x7fffffff, 0x7fffffff)
        /* unsigned carry out of bit 31 is lost */
        R_OP(11, add, 0x00000001, 0xfffffffe, 0x00000003)
        R_OP(12, add, 0x12345678, 0x12340000, 0x00005678)
        R_OP(13, add, 0x00000000, 0x12345678, 0xedcba988)
        /* register aliasing */
        R_OP_D1(14, add, 0x00000018, 0x0000000d, 0x0000000b)
        R_OP_D2(15, add, 0x80000001, 0x80000000, 0x00000001)
        R_OP_SAME(16, add, 0xfffffffe, 0x7fffffff)
        R_OP_SAME(17, add, 0x00000000, 0x80000000)
        /* x0 as a source and as the destination */
        R_OP_Z1(18, add, 0x89abcdef, 0x89abcdef)
        R_OP_Z2(19, add, 0xfedcba98, 0xfedcba98)
        R_OP_X0(20, add, 0x00000011, 0x00000022)

        /* back-to-back dependent chain: each add consumes the previous result */
        li a1, 1
        add a2, a1, a1          /* 2 */
        add a3, a2, a2          /* 4 */
        add a4, a3, a2          /* 6 */
        add a5, a4, a4          /* 12 */
        add a5, a5, a1          /* 13 */
        TV_CHECK_REG(21, a5, 13)
        TV_PASS
TV_END
