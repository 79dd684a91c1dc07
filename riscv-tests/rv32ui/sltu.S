/* sltu rd, rs1, rs2: rd = (unsigned)rs1 < (unsigned)rs2 ? 1 : 0. */
#include "ui_macros.h"
TV_BEGIN
        R_OP( 1, sltu, 0, 0x00000000, 0x00000000)
        R_OP( 2, sltu, 0, 0x00000001, 0x00000001)
        R_OP( 3, sltu, 1, 0x00000003, 0x00000007)
        R_OP( 4, sltu, 0, 0x00000007, 0x00000003)
        /* values with bit 31 set are large, not negative */
        R_OP( 5, sltu, 0, 0x80000000, 0x00000000)
        R_OP( 6, sltu, 1, 0x00000000, 0x80000000)
        R_OP( 7, sltu, 0, 0x80000000, 0x7fffffff)
        R_OP( 8, sltu, 1, 0x7fffffff, 0x80000000)
        R_OP( 9, sltu, 0, 0xffffffff, 0x00000000)
        R_OP(10, sltu, 1, 0x00000000, 0xffffffff)
        R_OP(11, sltu, 1, 0x80000000, 0xffffffff)
        R_OP(12, sltu, 0, 0xffffffff, 0x80000000)
        R_OP(13, sltu, 1, 0xfffffffe, 0xffffffff)
        R_OP(14, sltu, 0, 0xffffffff, 0xffffffff)
        R_OP(15, sltu, 1, 0x7fffffff, 0xffffffff)
        R_OP(16, sltu, 1, 0x00000001, 0x80000001)
        /* aliasing, x0: sltu rd, x0, rs2 is "rs2 != 0" (snez) */
        R_OP_D1(17, sltu, 0, 0xfffffff0, 0x00000010)
        R_OP_D2(18, sltu, 1, 0x00000010, 0xfffffff0)
        R_OP_SAME(19, sltu, 0, 0xffffffff)
        R_OP_Z1(20, sltu, 1, 0x00000001)
        R_OP_Z1(21, sltu, 1, 0x80000000)
        R_OP_Z1(22, sltu, 0, 0x00000000)
        R_OP_Z2(23, sltu, 0, 0xffffffff)                   /* nothing is below 0 */
        R_OP_X0(24, sltu, 0x00000001, 0x00000002)
        TV_PASS
TV_END
