/* amoadd.w rd, rs2, (rs1): rd = the old word, memory = old + rs2 (mod 2^32).
 * The .aq, .rl and .aqrl forms compute the same (checked at the end).
 * Written from the RISC-V unprivileged spec (A extension) for trapvisor. */
#include "ua_macros.h"
TV_BEGIN
        /* small values */
        AMO_OP( 1, amoadd.w, 0x00000000, 0x00000000, 0x00000000)
        AMO_OP( 2, amoadd.w, 0x00000001, 0x00000002, 0x00000003)
        AMO_OP( 3, amoadd.w, 0x00000002, 0x00000001, 0x00000003)
        AMO_OP( 4, amoadd.w, 0x0000000f, 0x000000f0, 0x000000ff)
        AMO_OP( 5, amoadd.w, 0x00001234, 0x00001234, 0x00002468)
        /* signs: -1, 1 and mixed-sign pairs (the signed and unsigned orders disagree) */
        AMO_OP( 6, amoadd.w, 0xffffffff, 0x00000001, 0x00000000)
        AMO_OP( 7, amoadd.w, 0x00000001, 0xffffffff, 0x00000000)
        AMO_OP( 8, amoadd.w, 0xfffffffe, 0xffffffff, 0xfffffffd)
        AMO_OP( 9, amoadd.w, 0xffffffff, 0xfffffffe, 0xfffffffd)
        AMO_OP(10, amoadd.w, 0xfffffff0, 0x00000010, 0x00000000)
        /* extremes: 0x80000000, 0x7fffffff, 0xffffffff, 0 */
        AMO_OP(11, amoadd.w, 0x80000000, 0x7fffffff, 0xffffffff)
        AMO_OP(12, amoadd.w, 0x7fffffff, 0x80000000, 0xffffffff)
        AMO_OP(13, amoadd.w, 0x80000000, 0x00000000, 0x80000000)
        AMO_OP(14, amoadd.w, 0x00000000, 0x80000000, 0x80000000)
        AMO_OP(15, amoadd.w, 0x7fffffff, 0xffffffff, 0x7ffffffe)
        AMO_OP(16, amoadd.w, 0xffffffff, 0x7fffffff, 0x7ffffffe)
        AMO_OP(17, amoadd.w, 0x80000000, 0x80000000, 0x00000000)
        AMO_OP(18, amoadd.w, 0xffffffff, 0xffffffff, 0xfffffffe)
        AMO_OP(19, amoadd.w, 0x7fffffff, 0x00000001, 0x80000000)
        AMO_OP(20, amoadd.w, 0x80000000, 0xffffffff, 0x7fffffff)
        /* bit patterns */
        AMO_OP(21, amoadd.w, 0x12345678, 0x9abcdef0, 0xacf13568)
        AMO_OP(22, amoadd.w, 0xaaaaaaaa, 0x55555555, 0xffffffff)
        AMO_OP(23, amoadd.w, 0xdeadbeef, 0x0ff00ff0, 0xee9dcedf)
        /* register aliasing and x0 */
        AMO_OP_RD_RS2(24, amoadd.w, 0x80000001, 0x7ffffffe, 0xffffffff)
        AMO_OP_RD_RS1(25, amoadd.w, 0xfffffff5, 0x0000000b, 0x00000000)
        AMO_OP_X0(26, amoadd.w, 0x00c0ffee, 0xc0ffee00, 0xc1c0edee)
        AMO_OP_ZSRC(27, amoadd.w, 0x80000003, 0x80000003)
        AMO_OP_ZSRC(28, amoadd.w, 0x00000005, 0x00000005)
        /* ordering annotations do not change the result */
        AMO_OP(29, amoadd.w.aq, 0xfffffffc, 0x00000003, 0xffffffff)
        AMO_OP(30, amoadd.w.rl, 0x00000003, 0xfffffffc, 0xffffffff)
        AMO_OP(31, amoadd.w.aqrl, 0x7ffffff0, 0x8000000f, 0xffffffff)
        /* two in a row on the same word: the second sees the first's result */
        AMO_SET(0x40000000)
        li a2, 0xc0000001
        li a3, 0x3fffffff
        amoadd.w a4, a2, (a1)
        amoadd.w.aqrl a5, a3, (a1)
        TV_CHECK_REG(32, a4, 0x40000000)
        TV_CHECK_REG(32, a5, 0x00000001)
        AMO_MEM(32, 0x40000000)
        TV_PASS
TV_END
AMO_DATA
