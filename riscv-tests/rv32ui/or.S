/* or rd, rs1, rs2: bitwise or. */
#include "ui_macros.h"
TV_BEGIN
        R_OP( 1, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f)
        R_OP( 2, or, 0xfff0fff0, 0x0ff00ff0, 0xf0f0f0f0)
        R_OP( 3, or, 0x0fff0fff, 0x00ff00ff, 0x0f0f0f0f)
        R_OP( 4, or, 0xf0fff0ff, 0xf00ff00f, 0xf0f0f0f0)
        R_OP( 5, or, 0xffffffff, 0x00000000, 0xffffffff)
        R_OP( 6, or, 0x00000000, 0x00000000, 0x00000000)
        R_OP( 7, or, 0x80000001, 0x80000000, 0x00000001)
        R_OP( 8, or, 0xffffffff, 0x55555555, 0xaaaaaaaa)
        R_OP_D1( 9, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f)
        R_OP_D2(10, or, 0xfff0fff0, 0x0ff00ff0, 0xf0f0f0f0)
        R_OP_SAME(11, or, 0xa5a5a5a5, 0xa5a5a5a5)          /* x | x = x */
        R_OP_Z1(12, or, 0x80000000, 0x80000000)
        R_OP_Z2(13, or, 0x7fffffff, 0x7fffffff)
        R_OP_X0(14, or, 0x00000011, 0x00000022)
        TV_PASS
TV_END
