/* and rd, rs1, rs2: bitwise and. */
#include "ui_macros.h"
TV_BEGIN
        R_OP( 1, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f)
        R_OP( 2, and, 0x00f000f0, 0x0ff00ff0, 0xf0f0f0f0)
        R_OP( 3, and, 0x000f000f, 0x00ff00ff, 0x0f0f0f0f)
        R_OP( 4, and, 0xf000f000, 0xf00ff00f, 0xf0f0f0f0)
        R_OP( 5, and, 0x00000000, 0x55555555, 0xaaaaaaaa)
        R_OP( 6, and, 0xffffffff, 0xffffffff, 0xffffffff)
        R_OP( 7, and, 0x80000000, 0x80000000, 0xffffffff)
        R_OP( 8, and, 0x00000000, 0x80000000, 0x7fffffff)
        R_OP_D1( 9, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f)
        R_OP_D2(10, and, 0x00f000f0, 0x0ff00ff0, 0xf0f0f0f0)
        R_OP_SAME(11, and, 0xa5a5a5a5, 0xa5a5a5a5)         /* x & x = x */
        R_OP_Z1(12, and, 0x00000000, 0xffffffff)
        R_OP_Z2(13, and, 0x00000000, 0xffffffff)
        R_OP_X0(14, and, 0xffffffff, 0xffffffff)
        TV_PASS
TV_END
