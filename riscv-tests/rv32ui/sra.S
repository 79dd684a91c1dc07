/* sra rd, rs1, rs2: arithmetic right shift by rs2[4:0]; copies of bit 31 shifted in. */
#include "ui_macros.h"
TV_BEGIN
        R_OP( 1, sra, 0x80000000, 0x80000000, 0)           /* shift by 0 */
        R_OP( 2, sra, 0xc0000000, 0x80000000, 1)           /* sign fill */
        R_OP( 3, sra, 0xff000000, 0x80000000, 7)
        R_OP( 4, sra, 0xfffe0000, 0x80000000, 14)
        R_OP( 5, sra, 0xffffffff, 0x80000000, 31)
        R_OP( 6, sra, 0x7fffffff, 0x7fffffff, 0)
        R_OP( 7, sra, 0x3fffffff, 0x7fffffff, 1)           /* positive: zero fill */
        R_OP( 8, sra, 0x00ffffff, 0x7fffffff, 7)
        R_OP( 9, sra, 0x0001ffff, 0x7fffffff, 14)
        R_OP(10, sra, 0x00000000, 0x7fffffff, 31)
        R_OP(11, sra, 0xc0c0c0c0, 0x81818181, 1)
        R_OP(12, sra, 0xff030303, 0x81818181, 7)
        R_OP(13, sra, 0xfffe0606, 0x81818181, 14)
        R_OP(14, sra, 0xffffffff, 0x81818181, 31)
        R_OP(15, sra, 0xffffffff, 0xffffffff, 5)           /* -1 stays -1 */
        R_OP(16, sra, 0xfffffffe, 0xfffffff9, 2)           /* -7 >> 2 = -2 (rounds toward -inf) */
        /* only rs2[4:0] counts */
        R_OP(17, sra, 0x81818181, 0x81818181, 32)          /* 32 -> 0 */
        R_OP(18, sra, 0xc0c0c0c0, 0x81818181, 33)          /* 33 -> 1 */
        R_OP(19, sra, 0xffffffff, 0x81818181, 0xffffffff)  /* -1 -> 31 */
        R_OP(20, sra, 0xfffe0606, 0x81818181, 0xffffffee)  /* -18 -> 14 */
        R_OP(21, sra, 0x81818181, 0x81818181, 0xffffffe0)  /* -32 -> 0 */
        R_OP(22, sra, 0xff030303, 0x81818181, 0x80000007)
        /* aliasing, x0 */
        R_OP_D1(23, sra, 0xff800000, 0x80000000, 8)
        R_OP_D2(24, sra, 0xfffffffd, 0xffffe800, 11)
        R_OP_SAME(25, sra, 0xc0000000, 0x80000001)         /* amount = 1 */
        R_OP_SAME(26, sra, 0xffffffff, 0xffffffff)         /* amount = 31 */
        R_OP_Z1(27, sra, 0x00000000, 5)
        R_OP_Z2(28, sra, 0x89abcdef, 0x89abcdef)
        R_OP_X0(29, sra, 0x80000000, 4)
        TV_PASS
TV_END
