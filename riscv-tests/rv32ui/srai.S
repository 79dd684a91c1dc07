/* srai rd, rs1, shamt: arithmetic right shift by a 5-bit immediate; sign fill.
 * (srai and srli differ only in instruction bit 30.) */
#include "ui_macros.h"
TV_BEGIN
        I_OP( 1, srai, 0x80000000, 0x80000000, 0)          /* shift by 0 */
        I_OP( 2, srai, 0xc0000000, 0x80000000, 1)
        I_OP( 3, srai, 0xff000000, 0x80000000, 7)
        I_OP( 4, srai, 0xfffe0000, 0x80000000, 14)
        I_OP( 5, srai, 0xffffffff, 0x80000000, 31)         /* shift by 31: all sign */
        I_OP( 6, srai, 0x7fffffff, 0x7fffffff, 0)
        I_OP( 7, srai, 0x3fffffff, 0x7fffffff, 1)          /* positive: zero fill */
        I_OP( 8, srai, 0x00ffffff, 0x7fffffff, 7)
        I_OP( 9, srai, 0x0001ffff, 0x7fffffff, 14)
        I_OP(10, srai, 0x00000000, 0x7fffffff, 31)
        I_OP(11, srai, 0xc0c0c0c0, 0x81818181, 1)
        I_OP(12, srai, 0xff030303, 0x81818181, 7)
        I_OP(13, srai, 0xfffe0606, 0x81818181, 14)
        I_OP(14, srai, 0xffffffff, 0x81818181, 31)
        I_OP(15, srai, 0xffffffff, 0xffffffff, 17)         /* -1 stays -1 */
        I_OP(16, srai, 0xfffffffe, 0xfffffff9, 2)          /* -7 >> 2 = -2 */
        I_OP(17, srai, 0x00000000, 0x00000001, 1)
        I_OP_SAME(18, srai, 0xff800000, 0x80000000, 8)
        I_OP_Z(19, srai, 0x00000000, 31)
        I_OP_X0(20, srai, 0x80000000, 4)
        TV_PASS
TV_END
