/* RV32C integer register and immediate instructions, each written with its c.*
 * mnemonic (so the assembler must emit the 16-bit form), with edge immediates:
 *   C.LI, C.LUI, C.ADDI, C.ADDI16SP, C.ADDI4SPN, C.NOP (and a C.NOP-space HINT),
 *   C.SLLI, C.SRLI, C.SRAI, C.ANDI, C.MV, C.ADD, C.SUB, C.XOR, C.OR, C.AND.
 * Registers x8-x15 (s0, s1, a0-a5) are the only ones the 3-bit register fields reach.
 * Written from the RISC-V unprivileged spec (C extension) for trapvisor.
 */
#include "tv.h"

TV_BEGIN
        /* C.LI: rd = sign-extended 6-bit immediate (-32..31) */
        c.li a0, 0
        TV_CHECK_REG(1, a0, 0)
        c.li a0, 31
        TV_CHECK_REG(2, a0, 31)
        c.li a0, -32
        TV_CHECK_REG(3, a0, 0xffffffe0)
        c.li a0, -1
        TV_CHECK_REG(4, a0, 0xffffffff)
        c.li ra, 1                  /* registers outside x8-x15 too */
        TV_CHECK_REG(5, ra, 1)
        c.li s11, -17
        TV_CHECK_REG(6, s11, 0xffffffef)

        /* C.LUI: rd = sign-extended 6-bit immediate << 12 (nonzero; rd != x0, x2) */
        c.lui a0, 1
        TV_CHECK_REG(7, a0, 0x00001000)
        c.lui a0, 31
        TV_CHECK_REG(8, a0, 0x0001f000)
        c.lui a0, 0xfffe0           /* -32 */
        TV_CHECK_REG(9, a0, 0xfffe0000)
        c.lui a0, 0xfffff           /* -1 */
        TV_CHECK_REG(10, a0, 0xfffff000)
        li ra, 0x123
        c.lui ra, 5                 /* the low 12 bits are cleared */
        TV_CHECK_REG(11, ra, 0x00005000)
        c.lui t5, 0x10
        TV_CHECK_REG(12, t5, 0x00010000)

        /* C.ADDI: rd += sign-extended nonzero 6-bit immediate */
        li a0, 100
        c.addi a0, 31
        TV_CHECK_REG(13, a0, 131)
        c.addi a0, -32
        TV_CHECK_REG(14, a0, 99)
        li a0, 0
        c.addi a0, -1
        TV_CHECK_REG(15, a0, 0xffffffff)
        c.addi a0, 1
        TV_CHECK_REG(16, a0, 0)
        li a0, 0x7fffffff
        c.addi a0, 1                /* wraps, no trap */
        TV_CHECK_REG(17, a0, 0x80000000)
        c.addi a0, -1
        TV_CHECK_REG(18, a0, 0x7fffffff)
        li s11, 0x1000
        c.addi s11, -32
        TV_CHECK_REG(19, s11, 0x0fe0)

        /* C.ADDI16SP: sp += nonzero multiple of 16 in -512..496 */
        li sp, 0x1000
        c.addi16sp sp, 496
        TV_CHECK_REG(20, sp, 0x11f0)
        c.addi16sp sp, -512
        TV_CHECK_REG(21, sp, 0x0ff0)
        c.addi16sp sp, 16
        TV_CHECK_REG(22, sp, 0x1000)
        c.addi16sp sp, -16
        TV_CHECK_REG(23, sp, 0x0ff0)
        li sp, 0x100
        c.addi16sp sp, -512
        TV_CHECK_REG(24, sp, 0xffffff00)

        /* C.ADDI4SPN: rd' = sp + nonzero multiple of 4 in 4..1020 (zero-extended) */
        li sp, 0x2000
        c.addi4spn a0, sp, 4
        TV_CHECK_REG(25, a0, 0x2004)
        c.addi4spn a5, sp, 1020
        TV_CHECK_REG(26, a5, 0x23fc)
        c.addi4spn s0, sp, 512
        TV_CHECK_REG(27, s0, 0x2200)
        li sp, 0xfffffc04
        c.addi4spn s1, sp, 1020     /* wraps to 0 */
        TV_CHECK_REG(28, s1, 0)
        TV_CHECK_REG(29, sp, 0xfffffc04)
        la sp, tv_stack_top

        /* C.NOP and a HINT in its space (c.addi x0, 1): no architectural effect */
        li a0, 0x5a5a
        li a1, 0x1111
        c.nop
        .half 0x0005                /* c.addi x0, 1: HINT */
        TV_CHECK_REG(30, a0, 0x5a5a)
        TV_CHECK_REG(31, a1, 0x1111)
        TV_CHECK_REG(32, x0, 0)

        /* C.SLLI: rd <<= shamt (1..31), any rd */
        li a0, 1
        c.slli a0, 31
        TV_CHECK_REG(33, a0, 0x80000000)
        li a0, 0x12345678
        c.slli a0, 1
        TV_CHECK_REG(34, a0, 0x2468acf0)
        li ra, 0xffffffff
        c.slli ra, 16
        TV_CHECK_REG(35, ra, 0xffff0000)

        /* C.SRLI: rd' >>= shamt (logical) */
        li a0, 0x80000000
        c.srli a0, 31
        TV_CHECK_REG(36, a0, 1)
        li a0, 0xffffffff
        c.srli a0, 1
        TV_CHECK_REG(37, a0, 0x7fffffff)
        li s1, 0xf0f0f0f0
        c.srli s1, 4
        TV_CHECK_REG(38, s1, 0x0f0f0f0f)

        /* C.SRAI: rd' >>= shamt (arithmetic) */
        li a0, 0x80000000
        c.srai a0, 31
        TV_CHECK_REG(39, a0, 0xffffffff)
        li a0, 0x80000000
        c.srai a0, 1
        TV_CHECK_REG(40, a0, 0xc0000000)
        li a0, 0x7fffffff
        c.srai a0, 31
        TV_CHECK_REG(41, a0, 0)
        li a5, 0xf0f0f0f0
        c.srai a5, 4
        TV_CHECK_REG(42, a5, 0xff0f0f0f)

        /* C.ANDI: rd' &= sign-extended 6-bit immediate (zero allowed) */
        li a0, 0x12345678
        c.andi a0, 0
        TV_CHECK_REG(43, a0, 0)
        li a0, 0x12345678
        c.andi a0, -32
        TV_CHECK_REG(44, a0, 0x12345660)
        li a0, 0x12345678
        c.andi a0, 31
        TV_CHECK_REG(45, a0, 0x00000018)
        li s0, 0x87654321
        c.andi s0, -1
        TV_CHECK_REG(46, s0, 0x87654321)

        /* C.MV: rd = rs2 (both any register but x0) */
        li a1, 0xdeadbeef
        li a0, 0
        c.mv a0, a1
        TV_CHECK_REG(47, a0, 0xdeadbeef)
        TV_CHECK_REG(48, a1, 0xdeadbeef)
        li s11, 0x80000000
        c.mv ra, s11
        TV_CHECK_REG(49, ra, 0x80000000)
        c.mv t5, ra
        TV_CHECK_REG(50, t5, 0x80000000)

        /* C.ADD: rd += rs2 */
        li a0, 0x7fffffff
        li a1, 1
        c.add a0, a1
        TV_CHECK_REG(51, a0, 0x80000000)
        TV_CHECK_REG(52, a1, 1)
        li a0, 0xffffffff
        c.add a0, a0                /* rd = rs2 */
        TV_CHECK_REG(53, a0, 0xfffffffe)
        li ra, 0x00001000
        li s11, 0xfffff000
        c.add ra, s11
        TV_CHECK_REG(54, ra, 0)

        /* C.SUB, C.XOR, C.OR, C.AND: rd' = rd' OP rs2' */
        li a0, 5
        li a1, 7
        c.sub a0, a1
        TV_CHECK_REG(55, a0, 0xfffffffe)
        TV_CHECK_REG(56, a1, 7)
        li s0, 0x80000000
        li a5, 1
        c.sub s0, a5
        TV_CHECK_REG(57, s0, 0x7fffffff)
        li a0, 0x12345678
        c.sub a0, a0
        TV_CHECK_REG(58, a0, 0)

        li a2, 0xff00ff00
        li a3, 0x0ff00ff0
        c.xor a2, a3
        TV_CHECK_REG(59, a2, 0xf0f0f0f0)
        c.xor a2, a2
        TV_CHECK_REG(60, a2, 0)

        li a2, 0xff00ff00
        li s1, 0x0ff00ff0
        c.or a2, s1
        TV_CHECK_REG(61, a2, 0xfff0fff0)
        li a4, 0x80000001
        c.or a4, a4
        TV_CHECK_REG(62, a4, 0x80000001)

        li a2, 0xff00ff00
        li a3, 0x0ff00ff0
        c.and a2, a3
        TV_CHECK_REG(63, a2, 0x0f000f00)
        li a5, 0xffffffff
        li s0, 0
        c.and a5, s0
        TV_CHECK_REG(64, a5, 0)

        /* a mix, back to back */
        c.li a0, 3
        c.slli a0, 4                /* 48 */
        c.addi a0, -1               /* 47 */
        c.mv a1, a0
        c.add a1, a0                /* 94 */
        c.srli a1, 1                /* 47 */
        c.xor a1, a0                /* 0 */
        TV_CHECK_REG(65, a1, 0)
        TV_PASS
TV_END
