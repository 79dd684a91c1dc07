/* mul rd, rs1, rs2: the low 32 bits of rs1 * rs2 (the same for signed and unsigned operands).
 * Written from the RISC-V unprivileged spec (M extension) for trapvisor. */
#include "../rv32ui/ui_macros.h"
TV_BEGIN
        /* small values */
        R_OP( 1, mul, 0x00000000, 0x00000000, 0x00000000)
        R_OP( 2, mul, 0x00000001, 0x00000001, 0x00000001)
        R_OP( 3, mul, 0x00000015, 0x00000003, 0x00000007)
        R_OP( 4, mul, 0x00000015, 0x00000007, 0x00000003)
        R_OP( 5, mul, 0x00000078, 0x00000014, 0x00000006)
        /* signs: every combination of +/- operands */
        R_OP( 6, mul, 0xffffff88, 0xffffffec, 0x00000006)
        R_OP( 7, mul, 0xffffff88, 0x00000014, 0xfffffffa)
        R_OP( 8, mul, 0x00000078, 0xffffffec, 0xfffffffa)
        R_OP( 9, mul, 0xffffffeb, 0xfffffff9, 0x00000003)
        R_OP(10, mul, 0xffffffeb, 0x00000007, 0xfffffffd)
        R_OP(11, mul, 0x00000015, 0xfffffff9, 0xfffffffd)
        /* -1 and 1 */
        R_OP(12, mul, 0x00000001, 0xffffffff, 0xffffffff)
        R_OP(13, mul, 0xffffffff, 0xffffffff, 0x00000001)
        R_OP(14, mul, 0xffffffff, 0x00000001, 0xffffffff)
        /* extremes: 0x80000000 (most negative / 2^31) and 0x7fffffff */
        R_OP(15, mul, 0x80000000, 0x80000000, 0xffffffff)
        R_OP(16, mul, 0x80000000, 0xffffffff, 0x80000000)
        R_OP(17, mul, 0x00000000, 0x80000000, 0x80000000)
        R_OP(18, mul, 0x80000000, 0x80000000, 0x00000001)
        R_OP(19, mul, 0x00000001, 0x7fffffff, 0x7fffffff)
        R_OP(20, mul, 0x80000000, 0x7fffffff, 0x80000000)
        R_OP(21, mul, 0x80000000, 0x80000000, 0x7fffffff)
        R_OP(22, mul, 0x80000001, 0x7fffffff, 0xffffffff)
        R_OP(23, mul, 0x00000000, 0x00000000, 0xffffffff)
        R_OP(24, mul, 0x00000000, 0x00000000, 0x80000000)
        /* zero operand */
        R_OP(25, mul, 0x00000000, 0x00000005, 0x00000000)
        R_OP(26, mul, 0x00000000, 0xfffffffb, 0x00000000)
        R_OP(27, mul, 0x00000000, 0x80000000, 0x00000000)
        R_OP(28, mul, 0x00000000, 0x7fffffff, 0x00000000)
        R_OP(29, mul, 0x00000000, 0x00000000, 0x00000000)
        R_OP(30, mul, 0x00000000, 0xffffffff, 0x00000000)
        /* mixed bit patterns */
        R_OP(31, mul, 0x242d2080, 0x12345678, 0x9abcdef0)
        R_OP(32, mul, 0x760b3d29, 0xdeadbeef, 0x01234567)
        R_OP(33, mul, 0x00000000, 0x00010000, 0x00010000)
        R_OP(34, mul, 0x00010000, 0xffff0000, 0x0000ffff)
        R_OP(35, mul, 0x0000ff7f, 0xaaaaaaab, 0x0002fe7d)
        R_OP(36, mul, 0x0000ff7f, 0x0002fe7d, 0xaaaaaaab)
        /* register aliasing: rd = rs1, rd = rs2, rs1 = rs2, rd = rs1 = rs2 */
        R_OP_D1(37, mul, 0xffffffbf, 0xfffffff3, 0x00000005)
        R_OP_D2(38, mul, 0xfffffff7, 0x80000001, 0x7ffffff7)
        R_OP_SAME(39, mul, 0x00000009, 0xfffffffd)
        R_OP_SAME(40, mul, 0x00000000, 0x80000000)
        R_OP_SAME(41, mul, 0x7ffea810, 0x0000b504)
        /* x0 as a source (reads 0) and as the destination (result discarded) */
        R_OP_Z1(42, mul, 0x00000000, 0x00001234)
        R_OP_Z2(43, mul, 0x00000000, 0x87654321)
        R_OP_X0(44, mul, 0x80000000, 0xffffffff)
        R_OP_X0(45, mul, 0x00000007, 0x00000000)
        /* back-to-back: the result feeds the next instruction immediately */
        li a1, 0x0badf00d
        li a2, 0x00000011
        li a3, 0xfffffffd
        mul a4, a1, a2
        mul a5, a4, a3
        TV_CHECK_REG(46, a5, 0xac592d69)
        TV_PASS
TV_END
