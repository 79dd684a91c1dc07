/* remu rd, rs1, rs2: unsigned remainder. x remu 0 = x, no trap.
 * Written from the RISC-V unprivileged spec (M extension) for trapvisor. */
#include "../rv32ui/ui_macros.h"
TV_BEGIN
        /* small values */
        R_OP( 1, remu, 0x00000000, 0x00000000, 0x00000000)
        R_OP( 2, remu, 0x00000000, 0x00000001, 0x00000001)
        R_OP( 3, remu, 0x00000003, 0x00000003, 0x00000007)
        R_OP( 4, remu, 0x00000001, 0x00000007, 0x00000003)
        R_OP( 5, remu, 0x00000002, 0x00000014, 0x00000006)
        /* signs: every combination of +/- operands */
        R_OP( 6, remu, 0x00000002, 0xffffffec, 0x00000006)
        R_OP( 7, remu, 0x00000014, 0x00000014, 0xfffffffa)
        R_OP( 8, remu, 0xffffffec, 0xffffffec, 0xfffffffa)
        R_OP( 9, remu, 0x00000000, 0xfffffff9, 0x00000003)
        R_OP(10, remu, 0x00000007, 0x00000007, 0xfffffffd)
        R_OP(11, remu, 0xfffffff9, 0xfffffff9, 0xfffffffd)
        /* -1 and 1 */
        R_OP(12, remu, 0x00000000, 0xffffffff, 0xffffffff)
        R_OP(13, remu, 0x00000000, 0xffffffff, 0x00000001)
        R_OP(14, remu, 0x00000001, 0x00000001, 0xffffffff)
        /* extremes: 0x80000000 (most negative / 2^31) and 0x7fffffff */
        R_OP(15, remu, 0x80000000, 0x80000000, 0xffffffff)
        R_OP(16, remu, 0x7fffffff, 0xffffffff, 0x80000000)
        R_OP(17, remu, 0x00000000, 0x80000000, 0x80000000)
        R_OP(18, remu, 0x00000000, 0x80000000, 0x00000001)
        R_OP(19, remu, 0x00000000, 0x7fffffff, 0x7fffffff)
        R_OP(20, remu, 0x7fffffff, 0x7fffffff, 0x80000000)
        R_OP(21, remu, 0x00000001, 0x80000000, 0x7fffffff)
        R_OP(22, remu, 0x7fffffff, 0x7fffffff, 0xffffffff)
        R_OP(23, remu, 0x00000000, 0x00000000, 0xffffffff)
        R_OP(24, remu, 0x00000000, 0x00000000, 0x80000000)
        /* division by zero */
        R_OP(25, remu, 0x00000005, 0x00000005, 0x00000000)
        R_OP(26, remu, 0xfffffffb, 0xfffffffb, 0x00000000)
        R_OP(27, remu, 0x80000000, 0x80000000, 0x00000000)
        R_OP(28, remu, 0x7fffffff, 0x7fffffff, 0x00000000)
        R_OP(29, remu, 0x00000000, 0x00000000, 0x00000000)
        R_OP(30, remu, 0xffffffff, 0xffffffff, 0x00000000)
        /* mixed bit patterns */
        R_OP(31, remu, 0x12345678, 0x12345678, 0x9abcdef0)
        R_OP(32, remu, 0x00cfe17a, 0xdeadbeef, 0x01234567)
        R_OP(33, remu, 0x00000000, 0x00010000, 0x00010000)
        R_OP(34, remu, 0x00000000, 0xffff0000, 0x0000ffff)
        R_OP(35, remu, 0x0000d5ab, 0xaaaaaaab, 0x0002fe7d)
        R_OP(36, remu, 0x0002fe7d, 0x0002fe7d, 0xaaaaaaab)
        /* register aliasing: rd = rs1, rd = rs2, rs1 = rs2, rd = rs1 = rs2 */
        R_OP_D1(37, remu, 0x00000003, 0xfffffff3, 0x00000005)
        R_OP_D2(38, remu, 0x0000000a, 0x80000001, 0x7ffffff7)
        R_OP_SAME(39, remu, 0x00000000, 0xfffffffd)
        R_OP_SAME(40, remu, 0x00000000, 0x80000000)
        R_OP_SAME(41, remu, 0x00000000, 0x0000b504)
        /* x0 as a source (reads 0) and as the destination (result discarded) */
        R_OP_Z1(42, remu, 0x00000000, 0x00001234)
        R_OP_Z2(43, remu, 0x87654321, 0x87654321)
        R_OP_X0(44, remu, 0x80000000, 0xffffffff)
        R_OP_X0(45, remu, 0x00000007, 0x00000000)
        /* back-to-back: the result feeds the next instruction immediately */
        li a1, 0x0badf00d
        li a2, 0x00000011
        li a3, 0xfffffffd
        remu a4, a1, a2
        remu a5, a4, a3
        TV_CHECK_REG(46, a5, 0x0000000c)
        TV_PASS
TV_END
