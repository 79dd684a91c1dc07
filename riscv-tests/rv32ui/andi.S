/* andi rd, rs1, imm: rd = rs1 & sext(imm12). */
#include "ui_macros.h"
TV_BEGIN
        I_OP( 1, andi, 0xff00ff00, 0xff00ff00, -241)       /* imm 0xf0f -> 0xffffff0f */
        I_OP( 2, andi, 0x000000f0, 0x0ff00ff0, 0x0f0)
        I_OP( 3, andi, 0x0000000f, 0x00ff00ff, 0x70f)
        I_OP( 4, andi, 0x00000000, 0xf00ff00f, 0x0f0)
        I_OP( 5, andi, 0x000007ff, 0xffffffff, 2047)       /* positive imm clears upper bits */
        I_OP( 6, andi, 0xfffff800, 0xffffffff, -2048)      /* negative imm keeps upper bits */
        I_OP( 7, andi, 0x12345678, 0x12345678, -1)
        I_OP( 8, andi, 0x00000000, 0x12345678, 0)
        I_OP( 9, andi, 0x80000800, 0x80000fff, -2048)
        I_OP_SAME(10, andi, 0x00000034, 0x00001234, 0x0ff)
        I_OP_Z(11, andi, 0x00000000, -1)
        I_OP_X0(12, andi, 0xffffffff, -1)
        TV_PASS
TV_END
