/* slt rd, rs1, rs2: rd = (signed)rs1 < (signed)rs2 ? 1 : 0. */
#include "ui_macros.h"
TV_BEGIN
        R_OP( 1, slt, 0, 0x00000000, 0x00000000)
        R_OP( 2, slt, 0, 0x00000001, 0x00000001)
        R_OP( 3, slt, 1, 0x00000003, 0x00000007)
        R_OP( 4, slt, 0, 0x00000007, 0x00000003)
        /* signed extremes: the unsigned order would give the opposite answer */
        R_OP( 5, slt, 1, 0x80000000, 0x00000000)           /* INT_MIN < 0 */
        R_OP( 6, slt, 0, 0x00000000, 0x80000000)
        R_OP( 7, slt, 1, 0x80000000, 0x7fffffff)           /* INT_MIN < INT_MAX */
        R_OP( 8, slt, 0, 0x7fffffff, 0x80000000)
        R_OP( 9, slt, 1, 0xffffffff, 0x00000000)           /* -1 < 0 */
        R_OP(10, slt, 0, 0x00000000, 0xffffffff)
        R_OP(11, slt, 1, 0x80000000, 0xffffffff)           /* INT_MIN < -1 */
        R_OP(12, slt, 0, 0xffffffff, 0x80000000)
        R_OP(13, slt, 1, 0xfffffffe, 0xffffffff)           /* -2 < -1 */
        R_OP(14, slt, 1, 0x7ffffffe, 0x7fffffff)
        R_OP(15, slt, 1, 0xffffffff, 0x00000001)
        R_OP(16, slt, 0, 0x80000000, 0x80000000)           /* equal is not less */
        /* aliasing, x0: slt rd, x0, rs2 is "rs2 > 0", slt rd, rs1, x0 is "rs1 < 0" */
        R_OP_D1(17, slt, 1, 0xfffffff0, 0x00000010)
        R_OP_D2(18, slt, 0, 0x00000010, 0xfffffff0)
        R_OP_SAME(19, slt, 0, 0x80000000)
        R_OP_Z1(20, slt, 1, 0x00000001)
        R_OP_Z1(21, slt, 0, 0x80000000)
        R_OP_Z2(22, slt, 1, 0x80000000)
        R_OP_Z2(23, slt, 0, 0x7fffffff)
        R_OP_X0(24, slt, 0x00000001, 0x00000002)
        TV_PASS
TV_END
