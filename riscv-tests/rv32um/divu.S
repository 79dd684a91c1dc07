/* divu rd, rs1, rs2: unsigned division rounding toward zero. Division by zero gives 2^32-1 (all ones), no trap.
 * Written from the RISC-V unprivileged spec (M extension) for trapvisor. */
#include "../rv32ui/ui_macros.h"
TV_BEGIN
        /* small values */
        R_OP( 1, divu, 0xffffffff, 0x00000000, 0x00000000)
        R_OP( 2, divu, 0x00000001, 0x00000001, 0x00000001)
        R_OP( 3, divu, 0x00000000, 0x00000003, 0x00000007)
        R_OP( 4, divu, 0x00000002, 0x00000007, 0x00000003)
        R_OP( 5, divu, 0x00000003, 0x00000014, 0x00000006)
        /* signs: every combination of +/- operands */
        R_OP( 6, divu, 0x2aaaaaa7, 0xffffffec, 0x00000006)
        R_OP( 7, divu, 0x00000000, 0x00000014, 0xfffffffa)
        R_OP( 8, divu, 0x00000000, 0xffffffec, 0xfffffffa)
        R_OP( 9, divu, 0x55555553, 0xfffffff9, 0x00000003)
        R_OP(10, divu, 0x00000000, 0x00000007, 0xfffffffd)
        R_OP(11, divu, 0x00000000, 0xfffffff9, 0xfffffffd)
        /* -1 and 1 */
        R_OP(12, divu, 0x00000001, 0xffffffff, 0xffffffff)
        R_OP(13, divu, 0xffffffff, 0xffffffff, 0x00000001)
        R_OP(14, divu, 0x00000000, 0x00000001, 0xffffffff)
        /* extremes: 0x80000000 (most negative / 2^31) and 0x7fffffff */
        R_OP(15, divu, 0x00000000, 0x80000000, 0xffffffff)
        R_OP(16, divu, 0x00000001, 0xffffffff, 0x80000000)
        R_OP(17, divu, 0x00000001, 0x80000000, 0x80000000)
        R_OP(18, divu, 0x80000000, 0x80000000, 0x00000001)
        R_OP(19, divu, 0x00000001, 0x7fffffff, 0x7fffffff)
        R_OP(20, divu, 0x00000000, 0x7fffffff, 0x80000000)
        R_OP(21, divu, 0x00000001, 0x80000000, 0x7fffffff)
        R_OP(22, divu, 0x00000000, 0x7fffffff, 0xffffffff)
        R_OP(23, divu, 0x00000000, 0x00000000, 0xffffffff)
        R_OP(24, divu, 0x00000000, 0x00000000, 0x80000000)
        /* division by zero */
        R_OP(25, divu, 0xffffffff, 0x00000005, 0x00000000)
        R_OP(26, divu, 0xffffffff, 0xfffffffb, 0x00000000)
        R_OP(27, divu, 0xffffffff, 0x80000000, 0x00000000)
        R_OP(28, divu, 0xffffffff, 0x7fffffff, 0x00000000)
        R_OP(29, divu, 0xffffffff, 0x00000000, 0x00000000)
        R_OP(30, divu, 0xffffffff, 0xffffffff, 0x00000000)
        /* mixed bit patterns */
        R_OP(31, divu, 0x00000000, 0x12345678, 0x9abcdef0)
        R_OP(32, divu, 0x000000c3, 0xdeadbeef, 0x01234567)
        R_OP(33, divu, 0x00000001, 0x00010000, 0x00010000)
        R_OP(34, divu, 0x00010000, 0xffff0000, 0x0000ffff)
        R_OP(35, divu, 0x00003900, 0xaaaaaaab, 0x0002fe7d)
        R_OP(36, divu, 0x00000000, 0x0002fe7d, 0xaaaaaaab)
        /* register aliasing: rd = rs1, rd = rs2, rs1 = rs2, rd = rs1 = rs2 */
        R_OP_D1(37, divu, 0x33333330, 0xfffffff3, 0x00000005)
        R_OP_D2(38, divu, 0x00000001, 0x80000001, 0x7ffffff7)
        R_OP_SAME(39, divu, 0x00000001, 0xfffffffd)
        R_OP_SAME(40, divu, 0x00000001, 0x80000000)
        R_OP_SAME(41, divu, 0x00000001, 0x0000b504)
        /* x0 as a source (reads 0) and as the destination (result discarded) */
        R_OP_Z1(42, divu, 0x00000000, 0x00001234)
        R_OP_Z2(43, divu, 0xffffffff, 0x87654321)
        R_OP_X0(44, divu, 0x80000000, 0xffffffff)
        R_OP_X0(45, divu, 0x00000007, 0x00000000)
        /* back-to-back: the result feeds the next instruction immediately */
        li a1, 0x0badf00d
        li a2, 0x00000011
        li a3, 0xfffffffd
        divu a4, a1, a2
        divu a5, a4, a3
        TV_CHECK_REG(46, a5, 0x00000000)
        TV_PASS
TV_END
