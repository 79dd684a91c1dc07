/* ori rd, rs1, imm: rd = rs1 | sext(imm12). */
#include "ui_macros.h"
TV_BEGIN
        I_OP( 1, ori, 0xffffff0f, 0xff00ff00, -241)        /* imm 0xf0f -> 0xffffff0f */
        I_OP( 2, ori, 0x0ff00ff0, 0x0ff00ff0, 0x0f0)
        I_OP( 3, ori, 0x00ff07ff, 0x00ff00ff, 0x70f)
        I_OP( 4, ori, 0xf00ff0ff, 0xf00ff00f, 0x0f0)
        I_OP( 5, ori, 0xfffff800, 0x00000000, -2048)
        I_OP( 6, ori, 0x12345678, 0x12345678, 0)
        I_OP( 7, ori, 0xffffffff, 0x12345678, -1)
        I_OP( 8, ori, 0x800007ff, 0x80000000, 2047)
        I_OP_SAME( 9, ori, 0x0000f0ff, 0x0000f000, 0x0ff)
        I_OP_Z(10, ori, 0xffffffff, -1)
        I_OP_Z(11, ori, 0x00000555, 0x555)
        I_OP_X0(12, ori, 0x00000005, 7)
        TV_PASS
TV_END
