/* sub rd, rs1, rs2: rd = rs1 - rs2, modulo 2^32 (no overflow trap). */
#include "ui_macros.h"
TV_BEGIN
        R_OP( 1, sub, 0x00000000, 0x00000000, 0x00000000)
        R_OP( 2, sub, 0x00000000, 0x00000001, 0x00000001)
        R_OP( 3, sub, 0xfffffffc, 0x00000003, 0x00000007)   /* 3 - 7 = -4 */
        R_OP( 4, sub, 0x00000004, 0x00000007, 0x00000003)
        R_OP( 5, sub, 0xffffffff, 0x00000000, 0x00000001)   /* borrow wraps */
        R_OP( 6, sub, 0x00000001, 0x00000000, 0xffffffff)   /* 0 - (-1) */
        /* signed overflow wraps silently */
        R_OP( 7, sub, 0x7fffffff, 0x80000000, 0x00000001)
        R_OP( 8, sub, 0x80000001, 0x00000000, 0x7fffffff)
        R_OP( 9, sub, 0x80000000, 0x00000000, 0x80000000)   /* -INT_MIN = INT_MIN */
        R_OP(10, sub, 0xffffffff, 0x7fffffff, 0x80000000)
        R_OP(11, sub, 0x00000001, 0x80000000, 0x7fffffff)
        R_OP(12, sub, 0x12345678, 0x12345678, 0x00000000)
        R_OP(13, sub, 0x0000fedc, 0x1234fedc, 0x12340000)
        /* operand order matters */
        R_OP_D1(14, sub, 0x00000002, 0x0000000d, 0x0000000b)
        R_OP_D2(15, sub, 0xfffffffe, 0x0000000b, 0x0000000d)
        R_OP_SAME(16, sub, 0x00000000, 0x87654321)
        /* x0 operands: 0 - v negates, v - 0 copies */
        R_OP_Z1(17, sub, 0xffffff85, 0x0000007b)
        R_OP_Z1(18, sub, 0x80000000, 0x80000000)
        R_OP_Z2(19, sub, 0xdeadbeef, 0xdeadbeef)
        R_OP_X0(20, sub, 0x00000011, 0x00000022)
        TV_PASS
TV_END
