/* srl rd, rs1, rs2: logical right shift by rs2[4:0]; zeros shifted in. */
#include "ui_macros.h"
TV_BEGIN
        R_OP( 1, srl, 0x80000000, 0x80000000, 0)           /* shift by 0 */
        R_OP( 2, srl, 0x40000000, 0x80000000, 1)           /* zero fill, not sign fill */
        R_OP( 3, srl, 0x01000000, 0x80000000, 7)
        R_OP( 4, srl, 0x00020000, 0x80000000, 14)
        R_OP( 5, srl, 0x00000001, 0x80000000, 31)
        R_OP( 6, srl, 0xffffffff, 0xffffffff, 0)
        R_OP( 7, srl, 0x7fffffff, 0xffffffff, 1)
        R_OP( 8, srl, 0x01ffffff, 0xffffffff, 7)
        R_OP( 9, srl, 0x0003ffff, 0xffffffff, 14)
        R_OP(10, srl, 0x00000001, 0xffffffff, 31)
        R_OP(11, srl, 0x10909090, 0x21212121, 1)
        R_OP(12, srl, 0x00424242, 0x21212121, 7)
        R_OP(13, srl, 0x00008484, 0x21212121, 14)
        R_OP(14, srl, 0x00000000, 0x21212121, 31)
        R_OP(15, srl, 0x00000000, 0x00000001, 1)           /* bits shifted out are lost */
        /* only rs2[4:0] counts */
        R_OP(16, srl, 0x21212121, 0x21212121, 32)          /* 32 -> 0 */
        R_OP(17, srl, 0x40000000, 0x80000000, 33)          /* 33 -> 1 */
        R_OP(18, srl, 0x00000001, 0xffffffff, 0xffffffff)  /* -1 -> 31 */
        R_OP(19, srl, 0x0003ffff, 0xffffffff, 0xffffffee)  /* -18 -> 14 */
        R_OP(20, srl, 0xffffffff, 0xffffffff, 0xffffffe0)  /* -32 -> 0 */
        R_OP(21, srl, 0x00424242, 0x21212121, 0x80000007)
        /* aliasing, x0 */
        R_OP_D1(22, srl, 0x00800000, 0x80000000, 8)
        R_OP_D2(23, srl, 0x00000003, 0x00001800, 11)
        R_OP_SAME(24, srl, 0x00000000, 0x00000007)         /* 7 >> 7 */
        R_OP_SAME(25, srl, 0x40000000, 0x80000001)         /* amount = 1 */
        R_OP_Z1(26, srl, 0x00000000, 5)
        R_OP_Z2(27, srl, 0xabcdef01, 0xabcdef01)
        R_OP_X0(28, srl, 0x80000000, 4)
        TV_PASS
TV_END
