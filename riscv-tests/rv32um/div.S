/* div rd, rs1, rs2: signed division rounding toward zero.
 * Division by zero gives -1 (all ones); -2^31 / -1 overflows and gives -2^31. Neither traps.
 * Written from the RISC-V unprivileged spec (M extension) for trapvisor. */
#include "../rv32ui/ui_macros.h"
TV_BEGIN
        /* small values */
        R_OP( 1, div, 0xffffffff, 0x00000000, 0x00000000)
        R_OP( 2, div, 0x00000001, 0x00000001, 0x00000001)
        R_OP( 3, div, 0x00000000, 0x00000003, 0x00000007)
        R_OP( 4, div, 0x00000002, 0x00000007, 0x00000003)
        R_OP( 5, div, 0x00000003, 0x00000014, 0x00000006)
        /* signs: every combination of +/- operands */
        R_OP( 6, div, 0xfffffffd, 0xffffffec, 0x00000006)
        R_OP( 7, div, 0xfffffffd, 0x00000014, 0xfffffffa)
        R_OP( 8, div, 0x00000003, 0xffffffec, 0xfffffffa)
        R_OP( 9, div, 0xfffffffe, 0xfffffff9, 0x00000003)
        R_OP(10, div, 0xfffffffe, 0x00000007, 0xfffffffd)
        R_OP(11, div, 0x00000002, 0xfffffff9, 0xfffffffd)
        /* -1 and 1 */
        R_OP(12, div, 0x00000001, 0xffffffff, 0xffffffff)
        R_OP(13, div, 0xffffffff, 0xffffffff, 0x00000001)
        R_OP(14, div, 0xffffffff, 0x00000001, 0xffffffff)
        /* extremes: 0x80000000 (most negative / 2^31) and 0x7fffffff */
        R_OP(15, div, 0x80000000, 0x80000000, 0xffffffff)
        R_OP(16, div, 0x00000000, 0xffffffff, 0x80000000)
        R_OP(17, div, 0x00000001, 0x80000000, 0x80000000)
        R_OP(18, div, 0x80000000, 0x80000000, 0x00000001)
        R_OP(19, div, 0x00000001, 0x7fffffff, 0x7fffffff)
        R_OP(20, div, 0x00000000, 0x7fffffff, 0x80000000)
        R_OP(21, div, 0xffffffff, 0x80000000, 0x7fffffff)
        R_OP(22, div, 0x80000001, 0x7fffffff, 0xffffffff)
        R_OP(23, div, 0x00000000, 0x00000000, 0xffffffff)
        R_OP(24, div, 0x00000000, 0x00000000, 0x80000000)
        /* division by zero */
        R_OP(25, div, 0xffffffff, 0x00000005, 0x00000000)
        R_OP(26, div, 0xffffffff, 0xfffffffb, 0x00000000)
        R_OP(27, div, 0xffffffff, 0x80000000, 0x00000000)
        R_OP(28, div, 0xffffffff, 0x7fffffff, 0x00000000)
        R_OP(29, div, 0xffffffff, 0x00000000, 0x00000000)
        R_OP(30, div, 0xffffffff, 0xffffffff, 0x00000000)
        /* mixed bit patterns */
        R_OP(31, div, 0x00000000, 0x12345678, 0x9abcdef0)
        R_OP(32, div, 0xffffffe3, 0xdeadbeef, 0x01234567)
        R_OP(33, div, 0x00000001, 0x00010000, 0x00010000)
        R_OP(34, div, 0xffffffff, 0xffff0000, 0x0000ffff)
        R_OP(35, div, 0xffffe380, 0xaaaaaaab, 0x0002fe7d)
        R_OP(36, div, 0x00000000, 0x0002fe7d, 0xaaaaaaab)
        /* register aliasing: rd = rs1, rd = rs2, rs1 = rs2, rd = rs1 = rs2 */
        R_OP_D1(37, div, 0xfffffffe, 0xfffffff3, 0x00000005)
        R_OP_D2(38, div, 0xffffffff, 0x80000001, 0x7ffffff7)
        R_OP_SAME(39, div, 0x00000001, 0xfffffffd)
        R_OP_SAME(40, div, 0x00000001, 0x80000000)
        R_OP_SAME(41, div, 0x00000001, 0x0000b504)
        /* x0 as a source (reads 0) and as the destination (result discarded) */
        R_OP_Z1(42, div, 0x00000000, 0x00001234)
        R_OP_Z2(43, div, 0xffffffff, 0x87654321)
        R_OP_X0(44, div, 0x80000000, 0xffffffff)
        R_OP_X0(45, div, 0x00000007, 0x00000000)
        /* back-to-back: the result feeds the next instruction immediately */
        li a1, 0x0badf00d
        li a2, 0x00000011
        li a3, 0xfffffffd
        div a4, a1, a2
        div a5, a4, a3
        TV_CHECK_REG(46, a5, 0xffc55fb0)
        TV_PASS
TV_END
