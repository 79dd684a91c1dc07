/* srli rd, rs1, shamt: logical right shift by a 5-bit immediate; zero fill. */
#include "ui_macros.h"
TV_BEGIN
        I_OP( 1, srli, 0x80000000, 0x80000000, 0)          /* shift by 0 */
        I_OP( 2, srli, 0x40000000, 0x80000000, 1)          /* zero fill, not sign fill */
        I_OP( 3, srli, 0x01000000, 0x80000000, 7)
        I_OP( 4, srli, 0x00020000, 0x80000000, 14)
        I_OP( 5, srli, 0x00000001, 0x80000000, 31)         /* shift by 31 */
        I_OP( 6, srli, 0xffffffff, 0xffffffff, 0)
        I_OP( 7, srli, 0x7fffffff, 0xffffffff, 1)
        I_OP( 8, srli, 0x01ffffff, 0xffffffff, 7)
        I_OP( 9, srli, 0x0003ffff, 0xffffffff, 14)
        I_OP(10, srli, 0x00000001, 0xffffffff, 31)
        I_OP(11, srli, 0x10909090, 0x21212121, 1)
        I_OP(12, srli, 0x00424242, 0x21212121, 7)
        I_OP(13, srli, 0x00008484, 0x21212121, 14)
        I_OP(14, srli, 0x00000000, 0x21212121, 31)
        I_OP(15, srli, 0x00000000, 0x00000001, 1)
        I_OP_SAME(16, srli, 0x00800000, 0x80000000, 8)
        I_OP_Z(17, srli, 0x00000000, 31)
        I_OP_X0(18, srli, 0x80000000, 4)
        TV_PASS
TV_END
