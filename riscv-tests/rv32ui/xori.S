/* xori rd, rs1, imm: rd = rs1 ^ sext(imm12); "xori rd, rs, -1" is bitwise not. */
#include "ui_macros.h"
TV_BEGIN
        I_OP( 1, xori, 0x00ff0ff0, 0x00ff0f00, 0x0f0)
        I_OP( 2, xori, 0xff00f00f, 0x00ff0f00, -241)       /* imm 0xf0f -> 0xffffff0f */
        I_OP( 3, xori, 0x00ff0ff0, 0x00ff08ff, 0x70f)
        I_OP( 4, xori, 0xf00ff0ff, 0xf00ff00f, 0x0f0)
        I_OP( 5, xori, 0xedcba987, 0x12345678, -1)         /* not */
        I_OP( 6, xori, 0xfffff800, 0x00000000, -2048)      /* upper bits set by sign extension */
        I_OP( 7, xori, 0x800007ff, 0x7fffffff, -2048)
        I_OP( 8, xori, 0xfffff800, 0xffffffff, 2047)       /* positive imm leaves upper bits */
        I_OP( 9, xori, 0x80000000, 0x80000000, 0)
        I_OP_SAME(10, xori, 0x00ff00ff, 0xff00ff00, -1)
        I_OP_Z(11, xori, 0x000007ff, 2047)
        I_OP_Z(12, xori, 0xfffff800, -2048)
        I_OP_X0(13, xori, 0x00000005, 7)
        TV_PASS
TV_END
