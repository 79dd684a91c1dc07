/* mulh rd, rs1, rs2: the high 32 bits of the 64-bit product of signed rs1 and signed rs2.
 * Written from the RISC-V unprivileged spec (M extension) for trapvisor. */
#include "../rv32ui/ui_macros.h"
TV_BEGIN
        /* small values */
        R_OP( 1, mulh, 0x00000000, 0x00000000, 0x00000000)
        R_OP( 2, mulh, 0x00000000, 0x00000001, 0x00000001)
        R_OP( 3, mulh, 0x00000000, 0x00000003, 0x00000007)
        R_OP( 4, mulh, 0x00000000, 0x00000007, 0x00000003)
        R_OP( 5, mulh, 0x00000000, 0x00000014, 0x00000006)
        /* signs: every combination of +/- operands */
        R_OP( 6, mulh, 0xffffffff, 0xffffffec, 0x00000006)
        R_OP( 7, mulh, 0xffffffff, 0x00000014, 0xfffffffa)
        R_OP( 8, mulh, 0x00000000, 0xffffffec, 0xfffffffa)
        R_OP( 9, mulh, 0xffffffff, 0xfffffff9, 0x00000003)
        R_OP(10, mulh, 0xffffffff, 0x00000007, 0xfffffffd)
        R_OP(11, mulh, 0x00000000, 0xfffffff9, 0xfffffffd)
        /* -1 and 1 */
        R_OP(12, mulh, 0x00000000, 0xffffffff, 0xffffffff)
        R_OP(13, mulh, 0xffffffff, 0xffffffff, 0x00000001)
        R_OP(14, mulh, 0xffffffff, 0x00000001, 0xffffffff)
        /* extremes: 0x80000000 (most negative / 2^31) and 0x7fffffff */
        R_OP(15, mulh, 0x00000000, 0x80000000, 0xffffffff)
        R_OP(16, mulh, 0x00000000, 0xffffffff, 0x80000000)
        R_OP(17, mulh, 0x40000000, 0x80000000, 0x80000000)
        R_OP(18, mulh, 0xffffffff, 0x80000000, 0x00000001)
        R_OP(19, mulh, 0x3fffffff, 0x7fffffff, 0x7fffffff)
        R_OP(20, mulh, 0xc0000000, 0x7fffffff, 0x80000000)
        R_OP(21, mulh, 0xc0000000, 0x80000000, 0x7fffffff)
        R_OP(22, mulh, 0xffffffff, 0x7fffffff, 0xffffffff)
        R_OP(23, mulh, 0x00000000, 0x00000000, 0xffffffff)
        R_OP(24, mulh, 0x00000000, 0x00000000, 0x80000000)
        /* zero operand */
        R_OP(25, mulh, 0x00000000, 0x00000005, 0x00000000)
        R_OP(26, mulh, 0x00000000, 0xfffffffb, 0x00000000)
        R_OP(27, mulh, 0x00000000, 0x80000000, 0x00000000)
        R_OP(28, mulh, 0x00000000, 0x7fffffff, 0x00000000)
        R_OP(29, mulh, 0x00000000, 0x00000000, 0x00000000)
        R_OP(30, mulh, 0x00000000, 0xffffffff, 0x00000000)
        /* mixed bit patterns */
        R_OP(31, mulh, 0xf8cc93d6, 0x12345678, 0x9abcdef0)
        R_OP(32, mulh, 0xffda1677, 0xdeadbeef, 0x01234567)
        R_OP(33, mulh, 0x00000001, 0x00010000, 0x00010000)
        R_OP(34, mulh, 0xffffffff, 0xffff0000, 0x0000ffff)
        R_OP(35, mulh, 0xffff0081, 0xaaaaaaab, 0x0002fe7d)
        R_OP(36, mulh, 0xffff0081, 0x0002fe7d, 0xaaaaaaab)
        /* register aliasing: rd = rs1, rd = rs2, rs1 = rs2, rd = rs1 = rs2 */
        R_OP_D1(37, mulh, 0xffffffff, 0xfffffff3, 0x00000005)
        R_OP_D2(38, mulh, 0xc0000004, 0x80000001, 0x7ffffff7)
        R_OP_SAME(39, mulh, 0x00000000, 0xfffffffd)
        R_OP_SAME(40, mulh, 0x40000000, 0x80000000)
        R_OP_SAME(41, mulh, 0x00000000, 0x0000b504)
        /* x0 as a source (reads 0) and as the destination (result discarded) */
        R_OP_Z1(42, mulh, 0x00000000, 0x00001234)
        R_OP_Z2(43, mulh, 0x00000000, 0x87654321)
        R_OP_X0(44, mulh, 0x80000000, 0xffffffff)
        R_OP_X0(45, mulh, 0x00000007, 0x00000000)
        /* back-to-back: the result feeds the next instruction immediately */
        li a1, 0x0badf00d
        li a2, 0x00000011
        li a3, 0xfffffffd
        mulh a4, a1, a2
        mulh a5, a4, a3
        TV_CHECK_REG(46, a5, 0x00000000)
        TV_PASS
TV_END
