/* slli rd, rs1, shamt: logical left shift by a 5-bit immediate (0..31). */
#include "ui_macros.h"
TV_BEGIN
        I_OP( 1, slli, 0x00000001, 0x00000001, 0)          /* shift by 0 */
        I_OP( 2, slli, 0x00000002, 0x00000001, 1)
        I_OP( 3, slli, 0x00000080, 0x00000001, 7)
        I_OP( 4, slli, 0x00004000, 0x00000001, 14)
        I_OP( 5, slli, 0x80000000, 0x00000001, 31)         /* shift by 31 */
        I_OP( 6, slli, 0xffffffff, 0xffffffff, 0)
        I_OP( 7, slli, 0xfffffffe, 0xffffffff, 1)
        I_OP( 8, slli, 0xffffc000, 0xffffffff, 14)
        I_OP( 9, slli, 0x80000000, 0xffffffff, 31)
        I_OP(10, slli, 0x42424242, 0x21212121, 1)
        I_OP(11, slli, 0x90909080, 0x21212121, 7)
        I_OP(12, slli, 0x48484000, 0x21212121, 14)
        I_OP(13, slli, 0x80000000, 0x21212121, 31)
        I_OP(14, slli, 0x00000000, 0x80000000, 1)          /* bit 31 shifted out */
        I_OP(15, slli, 0x00000000, 0x00000002, 31)
        I_OP_SAME(16, slli, 0x00000018, 0x00000003, 3)
        I_OP_Z(17, slli, 0x00000000, 31)
        I_OP_X0(18, slli, 0x00000001, 4)
        TV_PASS
TV_END
