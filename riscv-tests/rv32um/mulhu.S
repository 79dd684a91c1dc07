/* mulhu rd, rs1, rs2: the high 32 bits of the 64-bit product of unsigned rs1 and unsigned rs2.
 * Written from the RISC-V unprivileged spec (M extension) for trapvisor. */
#include "../rv32ui/ui_macros.h"
TV_BEGIN
        /* small values */
        R_OP( 1, mulhu, 0x00000000, 0x00000000, 0x00000000)
        R_OP( 2, mulhu, 0x00000000, 0x00000001, 0x00000001)
        R_OP( 3, mulhu, 0x00000000, 0x00000003, 0x00000007)
        R_OP( 4, mulhu, 0x00000000, 0x00000007, 0x00000003)
        R_OP( 5, mulhu, 0x00000000, 0x00000014, 0x00000006)
        /* signs: every combination of +/- operands */
        R_OP( 6, mulhu, 0x00000005, 0xffffffec, 0x00000006)
        R_OP( 7, mulhu, 0x00000013, 0x00000014, 0xfffffffa)
        R_OP( 8, mulhu, 0xffffffe6, 0xffffffec, 0xfffffffa)
        R_OP( 9, mulhu, 0x00000002, 0xfffffff9, 0x00000003)
        R_OP(10, mulhu, 0x00000006, 0x00000007, 0xfffffffd)
        R_OP(11, mulhu, 0xfffffff6, 0xfffffff9, 0xfffffffd)
        /* -1 and 1 */
        R_OP(12, mulhu, 0xfffffffe, 0xffffffff, 0xffffffff)
        R_OP(13, mulhu, 0x00000000, 0xffffffff, 0x00000001)
        R_OP(14, mulhu, 0x00000000, 0x00000001, 0xffffffff)
        /* extremes: 0x80000000 (most negative / 2^31) and 0x7fffffff */
        R_OP(15, mulhu, 0x7fffffff, 0x80000000, 0xffffffff)
        R_OP(16, mulhu, 0x7fffffff, 0xffffffff, 0x80000000)
        R_OP(17, mulhu, 0x40000000, 0x80000000, 0x80000000)
        R_OP(18, mulhu, 0x00000000, 0x80000000, 0x00000001)
        R_OP(19, mulhu, 0x3fffffff, 0x7fffffff, 0x7fffffff)
        R_OP(20, mulhu, 0x3fffffff, 0x7fffffff, 0x80000000)
        R_OP(21, mulhu, 0x3fffffff, 0x80000000, 0x7fffffff)
        R_OP(22, mulhu, 0x7ffffffe, 0x7fffffff, 0xffffffff)
        R_OP(23, mulhu, 0x00000000, 0x00000000, 0xffffffff)
        R_OP(24, mulhu, 0x00000000, 0x00000000, 0x80000000)
        /* zero operand */
        R_OP(25, mulhu, 0x00000000, 0x00000005, 0x00000000)
        R_OP(26, mulhu, 0x00000000, 0xfffffffb, 0x00000000)
        R_OP(27, mulhu, 0x00000000, 0x80000000, 0x00000000)
        R_OP(28, mulhu, 0x00000000, 0x7fffffff, 0x00000000)
        R_OP(29, mulhu, 0x00000000, 0x00000000, 0x00000000)
        R_OP(30, mulhu, 0x00000000, 0xffffffff, 0x00000000)
        /* mixed bit patterns */
        R_OP(31, mulhu, 0x0b00ea4e, 0x12345678, 0x9abcdef0)
        R_OP(32, mulhu, 0x00fd5bde, 0xdeadbeef, 0x01234567)
        R_OP(33, mulhu, 0x00000001, 0x00010000, 0x00010000)
        R_OP(34, mulhu, 0x0000fffe, 0xffff0000, 0x0000ffff)
        R_OP(35, mulhu, 0x0001fefe, 0xaaaaaaab, 0x0002fe7d)
        R_OP(36, mulhu, 0x0001fefe, 0x0002fe7d, 0xaaaaaaab)
        /* register aliasing: rd = rs1, rd = rs2, rs1 = rs2, rd = rs1 = rs2 */
        R_OP_D1(37, mulhu, 0x00000004, 0xfffffff3, 0x00000005)
        R_OP_D2(38, mulhu, 0x3ffffffb, 0x80000001, 0x7ffffff7)
        R_OP_SAME(39, mulhu, 0xfffffffa, 0xfffffffd)
        R_OP_SAME(40, mulhu, 0x40000000, 0x80000000)
        R_OP_SAME(41, mulhu, 0x00000000, 0x0000b504)
        /* x0 as a source (reads 0) and as the destination (result discarded) */
        R_OP_Z1(42, mulhu, 0x00000000, 0x00001234)
        R_OP_Z2(43, mulhu, 0x00000000, 0x87654321)
        R_OP_X0(44, mulhu, 0x80000000, 0xffffffff)
        R_OP_X0(45, mulhu, 0x00000007, 0x00000000)
        /* back-to-back: the result feeds the next instruction immediately */
        li a1, 0x0badf00d
        li a2, 0x00000011
        li a3, 0xfffffffd
        mulhu a4, a1, a2
        mulhu a5, a4, a3
        TV_CHECK_REG(46, a5, 0x00000000)
        TV_PASS
TV_END
