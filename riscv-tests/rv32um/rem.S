/* rem rd, rs1, rs2: signed remainder; its sign is the sign of the dividend (division rounds toward zero).
 * x rem 0 = x; -2^31 rem -1 = 0 (the overflow case). Neither traps.
 * Written from the RISC-V unprivileged spec (M extension) for trapvisor. */
#include "../rv32ui/ui_macros.h"
TV_BEGIN
        /* small values */
        R_OP( 1, rem, 0x00000000, 0x00000000, 0x00000000)
        R_OP( 2, rem, 0x00000000, 0x00000001, 0x00000001)
        R_OP( 3, rem, 0x00000003, 0x00000003, 0x00000007)
        R_OP( 4, rem, 0x00000001, 0x00000007, 0x00000003)
        R_OP( 5, rem, 0x00000002, 0x00000014, 0x00000006)
        /* signs: every combination of +/- operands */
        R_OP( 6, rem, 0xfffffffe, 0xffffffec, 0x00000006)
        R_OP( 7, rem, 0x00000002, 0x00000014, 0xfffffffa)
        R_OP( 8, rem, 0xfffffffe, 0xffffffec, 0xfffffffa)
        R_OP( 9, rem, 0xffffffff, 0xfffffff9, 0x00000003)
        R_OP(10, rem, 0x00000001, 0x00000007, 0xfffffffd)
        R_OP(11, rem, 0xffffffff, 0xfffffff9, 0xfffffffd)
        /* -1 and 1 */
        R_OP(12, rem, 0x00000000, 0xffffffff, 0xffffffff)
        R_OP(13, rem, 0x00000000, 0xffffffff, 0x00000001)
        R_OP(14, rem, 0x00000000, 0x00000001, 0xffffffff)
        /* extremes: 0x80000000 (most negative / 2^31) and 0x7fffffff */
        R_OP(15, rem, 0x00000000, 0x80000000, 0xffffffff)
        R_OP(16, rem, 0xffffffff, 0xffffffff, 0x80000000)
        R_OP(17, rem, 0x00000000, 0x80000000, 0x80000000)
        R_OP(18, rem, 0x00000000, 0x80000000, 0x00000001)
        R_OP(19, rem, 0x00000000, 0x7fffffff, 0x7fffffff)
        R_OP(20, rem, 0x7fffffff, 0x7fffffff, 0x80000000)
        R_OP(21, rem, 0xffffffff, 0x80000000, 0x7fffffff)
        R_OP(22, rem, 0x00000000, 0x7fffffff, 0xffffffff)
        R_OP(23, rem, 0x00000000, 0x00000000, 0xffffffff)
        R_OP(24, rem, 0x00000000, 0x00000000, 0x80000000)
        /* division by zero */
        R_OP(25, rem, 0x00000005, 0x00000005, 0x00000000)
        R_OP(26, rem, 0xfffffffb, 0xfffffffb, 0x00000000)
        R_OP(27, rem, 0x80000000, 0x80000000, 0x00000000)
        R_OP(28, rem, 0x7fffffff, 0x7fffffff, 0x00000000)
        R_OP(29, rem, 0x00000000, 0x00000000, 0x00000000)
        R_OP(30, rem, 0xffffffff, 0xffffffff, 0x00000000)
        /* mixed bit patterns */
        R_OP(31, rem, 0x12345678, 0x12345678, 0x9abcdef0)
        R_OP(32, rem, 0xffac9b9a, 0xdeadbeef, 0x01234567)
        R_OP(33, rem, 0x00000000, 0x00010000, 0x00010000)
        R_OP(34, rem, 0xffffffff, 0xffff0000, 0x0000ffff)
        R_OP(35, rem, 0xffff952b, 0xaaaaaaab, 0x0002fe7d)
        R_OP(36, rem, 0x0002fe7d, 0x0002fe7d, 0xaaaaaaab)
        /* register aliasing: rd = rs1, rd = rs2, rs1 = rs2, rd = rs1 = rs2 */
        R_OP_D1(37, rem, 0xfffffffd, 0xfffffff3, 0x00000005)
        R_OP_D2(38, rem, 0xfffffff8, 0x80000001, 0x7ffffff7)
        R_OP_SAME(39, rem, 0x00000000, 0xfffffffd)
        R_OP_SAME(40, rem, 0x00000000, 0x80000000)
        R_OP_SAME(41, rem, 0x00000000, 0x0000b504)
        /* x0 as a source (reads 0) and as the destination (result discarded) */
        R_OP_Z1(42, rem, 0x00000000, 0x00001234)
        R_OP_Z2(43, rem, 0x87654321, 0x87654321)
        R_OP_X0(44, rem, 0x80000000, 0xffffffff)
        R_OP_X0(45, rem, 0x00000007, 0x00000000)
        /* back-to-back: the result feeds the next instruction immediately */
        li a1, 0x0badf00d
        li a2, 0x00000011
        li a3, 0xfffffffd
        rem a4, a1, a2
        rem a5, a4, a3
        TV_CHECK_REG(46, a5, 0x00000000)
        TV_PASS
TV_END
