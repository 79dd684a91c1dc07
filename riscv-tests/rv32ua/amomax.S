/* amomax.w rd, rs2, (rs1): rd = the old word, memory = the signed maximum of old and rs2.
 * The .aq, .rl and .aqrl forms compute the same (checked at the end).
 * Written from the RISC-V unprivileged spec (A extension) for trapvisor. */
#include "ua_macros.h"
TV_BEGIN
        /* small values */
        AMO_OP( 1, amomax.w, 0x00000000, 0x00000000, 0x00000000)
        AMO_OP( 2, amomax.w, 0x00000001, 0x00000002, 0x00000002)
        AMO_OP( 3, amomax.w, 0x00000002, 0x00000001, 0x00000002)
        AMO_OP( 4, amomax.w, 0x0000000f, 0x000000f0, 0x000000f0)
        AMO_OP( 5, amomax.w, 0x00001234, 0x00001234, 0x00001234)
        /* signs: -1, 1 and mixed-sign pairs (the signed and unsigned orders disagree) */
        AMO_OP( 6, amomax.w, 0xffffffff, 0x00000001, 0x00000001)
        AMO_OP( 7, amomax.w, 0x00000001, 0xffffffff, 0x00000001)
        AMO_OP( 8, amomax.w, 0xfffffffe, 0xffffffff, 0xffffffff)
        AMO_OP( 9, amomax.w, 0xffffffff, 0xfffffffe, 0xffffffff)
        AMO_OP(10, amomax.w, 0xfffffff0, 0x00000010, 0x00000010)
        /* extremes: 0x80000000, 0x7fffffff, 0xffffffff, 0 */
        AMO_OP(11, amomax.w, 0x80000000, 0x7fffffff, 0x7fffffff)
        AMO_OP(12, amomax.w, 0x7fffffff, 0x80000000, 0x7fffffff)
        AMO_OP(13, amomax.w, 0x80000000, 0x00000000, 0x00000000)
        AMO_OP(14, amomax.w, 0x00000000, 0x80000000, 0x00000000)
        AMO_OP(15, amomax.w, 0x7fffffff, 0xffffffff, 0x7fffffff)
        AMO_OP(16, amomax.w, 0xffffffff, 0x7fffffff, 0x7fffffff)
        AMO_OP(17, amomax.w, 0x80000000, 0x80000000, 0x80000000)
        AMO_OP(18, amomax.w, 0xffffffff, 0xffffffff, 0xffffffff)
        AMO_OP(19, amomax.w, 0x7fffffff, 0x00000001, 0x7fffffff)
        AMO_OP(20, amomax.w, 0x80000000, 0xffffffff, 0xffffffff)
        /* bit patterns */
        AMO_OP(21, amomax.w, 0x12345678, 0x9abcdef0, 0x12345678)
        AMO_OP(22, amomax.w, 0xaaaaaaaa, 0x55555555, 0x55555555)
        AMO_OP(23, amomax.w, 0xdeadbeef, 0x0ff00ff0, 0x0ff00ff0)
        /* register aliasing and x0 */
        AMO_OP_RD_RS2(24, amomax.w, 0x80000001, 0x7ffffffe, 0x7ffffffe)
        AMO_OP_RD_RS1(25, amomax.w, 0xfffffff5, 0x0000000b, 0x0000000b)
        AMO_OP_X0(26, amomax.w, 0x00c0ffee, 0xc0ffee00, 0x00c0ffee)
        AMO_OP_ZSRC(27, amomax.w, 0x80000003, 0x00000000)
        AMO_OP_ZSRC(28, amomax.w, 0x00000005, 0x00000005)
        /* ordering annotations do not change the result */
        AMO_OP(29, amomax.w.aq, 0xfffffffc, 0x00000003, 0x00000003)
        AMO_OP(30, amomax.w.rl, 0x00000003, 0xfffffffc, 0x00000003)
        AMO_OP(31, amomax.w.aqrl, 0x7ffffff0, 0x8000000f, 0x7ffffff0)
        /* two in a row on the same word: the second sees the first's result */
        AMO_SET(0x40000000)
        li a2, 0xc0000001
        li a3, 0x3fffffff
        amomax.w a4, a2, (a1)
        amomax.w.aqrl a5, a3, (a1)
        TV_CHECK_REG(32, a4, 0x40000000)
        TV_CHECK_REG(32, a5, 0x40000000)
        AMO_MEM(32, 0x40000000)
        TV_PASS
TV_END
AMO_DATA
