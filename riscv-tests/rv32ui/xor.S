/* xor rd, rs1, rs2: bitwise exclusive or. */
#include "ui_macros.h"
TV_BEGIN
        R_OP( 1, xor, 0xf00ff00f, 0xff00ff00, 0x0f0f0f0f)
        R_OP( 2, xor, 0xff00ff00, 0x0ff00ff0, 0xf0f0f0f0)
        R_OP( 3, xor, 0x0ff00ff0, 0x00ff00ff, 0x0f0f0f0f)
        R_OP( 4, xor, 0x00ff00ff, 0xf00ff00f, 0xf0f0f0f0)
        R_OP( 5, xor, 0xffffffff, 0x00000000, 0xffffffff)
        R_OP( 6, xor, 0x00000000, 0xffffffff, 0xffffffff)
        R_OP( 7, xor, 0x7fffffff, 0x80000000, 0xffffffff)  /* sign bit handled like any bit */
        R_OP( 8, xor, 0x80000001, 0x80000000, 0x00000001)
        R_OP( 9, xor, 0xedcba987, 0x12345678, 0xffffffff)  /* = not */
        R_OP_D1(10, xor, 0xf00ff00f, 0xff00ff00, 0x0f0f0f0f)
        R_OP_D2(11, xor, 0xff00ff00, 0x0ff00ff0, 0xf0f0f0f0)
        R_OP_SAME(12, xor, 0x00000000, 0xa5a5a5a5)         /* x ^ x = 0 */
        R_OP_Z1(13, xor, 0xa5a5a5a5, 0xa5a5a5a5)
        R_OP_Z2(14, xor, 0x5a5a5a5a, 0x5a5a5a5a)
        R_OP_X0(15, xor, 0x00000011, 0x00000022)
        TV_PASS
TV_END
