/* mulhsu rd, rs1, rs2: the high 32 bits of the 64-bit product of signed rs1 and unsigned rs2.
 * Written from the RISC-V unprivileged spec (M extension) for trapvisor. */
#include "../rv32ui/ui_macros.h"
TV_BEGIN
        /* small values */
        R_OP( 1, mulhsu, 0x00000000, 0x00000000, 0x00000000)
        R_OP( 2, mulhsu, 0x00000000, 0x00000001, 0x00000001)
        R_OP( 3, mulhsu, 0x00000000, 0x00000003, 0x00000007)
        R_OP( 4, mulhsu, 0x00000000, 0x00000007, 0x00000003)
        R_OP( 5, mulhsu, 0x00000000, 0x00000014, 0x00000006)
        /* signs: every combination of +/- operands */
        R_OP( 6, mulhsu, 0xffffffff, 0xffffffec, 0x00000006)
        R_OP( 7, mulhsu, 0x00000013, 0x00000014, 0xfffffffa)
        R_OP( 8, mulhsu, 0xffffffec, 0xffffffec, 0xfffffffa)
        R_OP( 9, mulhsu, 0xffffffff, 0xfffffff9, 0x00000003)
        R_OP(10, mulhsu, 0x00000006, 0x00000007, 0xfffffffd)
        R_OP(11, mulhsu, 0xfffffff9, 0xfffffff9, 0xfffffffd)
        /* -1 and 1 */
        R_OP(12, mulhsu, 0xffffffff, 0xffffffff, 0xffffffff)
        R_OP(13, mulhsu, 0xffffffff, 0xffffffff, 0x00000001)
        R_OP(14, mulhsu, 0x00000000, 0x00000001, 0xffffffff)
        /* extremes: 0x80000000 (most negative / 2^31) and 0x7fffffff */
        R_OP(15, mulhsu, 0x80000000, 0x80000000, 0xffffffff)
        R_OP(16, mulhsu, 0xffffffff, 0xffffffff, 0x80000000)
        R_OP(17, mulhsu, 0xc0000000, 0x80000000, 0x80000000)
        R_OP(18, mulhsu, 0xffffffff, 0x80000000, 0x00000001)
        R_OP(19, mulhsu, 0x3fffffff, 0x7fffffff, 0x7fffffff)
        R_OP(20, mulhsu, 0x3fffffff, 0x7fffffff, 0x80000000)
        R_OP(21, mulhsu, 0xc0000000, 0x80000000, 0x7fffffff)
        R_OP(22, mulhsu, 0x7ffffffe, 0x7fffffff, 0xffffffff)
        R_OP(23, mulhsu, 0x00000000, 0x00000000, 0xffffffff)
        R_OP(24, mulhsu, 0x00000000, 0x00000000, 0x80000000)
        /* zero operand */
        R_OP(25, mulhsu, 0x00000000, 0x00000005, 0x00000000)
        R_OP(26, mulhsu, 0x00000000, 0xfffffffb, 0x00000000)
        R_OP(27, mulhsu, 0x00000000, 0x80000000, 0x00000000)
        R_OP(28, mulhsu, 0x00000000, 0x7fffffff, 0x00000000)
        R_OP(29, mulhsu, 0x00000000, 0x00000000, 0x00000000)
        R_OP(30, mulhsu, 0x00000000, 0xffffffff, 0x00000000)
        /* mixed bit patterns */
        R_OP(31, mulhsu, 0x0b00ea4e, 0x12345678, 0x9abcdef0)
        R_OP(32, mulhsu, 0xffda1677, 0xdeadbeef, 0x01234567)
        R_OP(33, mulhsu, 0x00000001, 0x00010000, 0x00010000)
        R_OP(34, mulhsu, 0xffffffff, 0xffff0000, 0x0000ffff)
        R_OP(35, mulhsu, 0xffff0081, 0xaaaaaaab, 0x0002fe7d)
        R_OP(36, mulhsu, 0x0001fefe, 0x0002fe7d, 0xaaaaaaab)
        /* register aliasing: rd = rs1, rd = rs2, rs1 = rs2, rd = rs1 = rs2 */
        R_OP_D1(37, mulhsu, 0xffffffff, 0xfffffff3, 0x00000005)
        R_OP_D2(38, mulhsu, 0xc0000004, 0x80000001, 0x7ffffff7)
        R_OP_SAME(39, mulhsu, 0xfffffffd, 0xfffffffd)
        R_OP_SAME(40, mulhsu, 0xc0000000, 0x80000000)
        R_OP_SAME(41, mulhsu, 0x00000000, 0x0000b504)
        /* x0 as a source (reads 0) and as the destination (result discarded) */
        R_OP_Z1(42, mulhsu, 0x00000000, 0x00001234)
        R_OP_Z2(43, mulhsu, 0x00000000, 0x87654321)
        R_OP_X0(44, mulhsu, 0x80000000, 0xffffffff)
        R_OP_X0(45, mulhsu, 0x00000007, 0x00000000)
        /* back-to-back: the result feeds the next instruction immediately */
        li a1, 0x0badf00d
        li a2, 0x00000011
        li a3, 0xfffffffd
        mulhsu a4, a1, a2
        mulhsu a5, a4, a3
        TV_CHECK_REG(46, a5, 0x00000000)
        TV_PASS
TV_END
