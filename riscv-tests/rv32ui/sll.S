/* sll rd, rs1, rs2: logical left shift by rs2[4:0]; upper bits of rs2 ignored. */
#include "ui_macros.h"
TV_BEGIN
        R_OP( 1, sll, 0x00000001, 0x00000001, 0)           /* shift by 0 */
        R_OP( 2, sll, 0x00000002, 0x00000001, 1)
        R_OP( 3, sll, 0x00000080, 0x00000001, 7)
        R_OP( 4, sll, 0x00004000, 0x00000001, 14)
        R_OP( 5, sll, 0x80000000, 0x00000001, 31)          /* into the sign bit */
        R_OP( 6, sll, 0xffffffff, 0xffffffff, 0)
        R_OP( 7, sll, 0xfffffffe, 0xffffffff, 1)
        R_OP( 8, sll, 0x80000000, 0xffffffff, 31)
        R_OP( 9, sll, 0x42424242, 0x21212121, 1)
        R_OP(10, sll, 0x90909080, 0x21212121, 7)
        R_OP(11, sll, 0x48484000, 0x21212121, 14)
        R_OP(12, sll, 0x80000000, 0x21212121, 31)
        R_OP(13, sll, 0x00000000, 0x80000000, 1)           /* bits shifted out are lost */
        /* only rs2[4:0] counts */
        R_OP(14, sll, 0x21212121, 0x21212121, 32)          /* 32 -> 0 */
        R_OP(15, sll, 0x42424242, 0x21212121, 33)          /* 33 -> 1 */
        R_OP(16, sll, 0x80000000, 0x21212121, 0xffffffff)  /* -1 -> 31 */
        R_OP(17, sll, 0x48484000, 0x21212121, 0xffffffee)  /* -18 -> 14 */
        R_OP(18, sll, 0x21212121, 0x21212121, 0xffffffe0)  /* -32 -> 0 */
        R_OP(19, sll, 0x90909080, 0x21212121, 0x80000007)  /* 0x80000007 -> 7 */
        /* aliasing, x0 */
        R_OP_D1(20, sll, 0x00000100, 0x00000001, 8)
        R_OP_D2(21, sll, 0x00001800, 0x00000003, 11)
        R_OP_SAME(22, sll, 0x00000018, 0x00000003)         /* 3 << 3 */
        R_OP_SAME(23, sll, 0x00000002, 0x80000001)         /* amount = 0x80000001 & 31 = 1 */
        R_OP_Z1(24, sll, 0x00000000, 5)
        R_OP_Z2(25, sll, 0xabcdef01, 0xabcdef01)
        R_OP_X0(26, sll, 0x00000001, 4)
        TV_PASS
TV_END
