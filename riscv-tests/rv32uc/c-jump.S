/* RV32C control transfer and 16-bit instruction alignment:
 *   C.J, C.JAL (link = pc + 2), C.JR, C.JALR (link = pc + 2), C.BEQZ, C.BNEZ,
 *   including the extreme offsets (C.J/C.JAL -2048..+2046, C.BEQZ/C.BNEZ -256..+254);
 *   jumps and branches (16- and 32-bit) to targets that are 2 mod 4;
 *   32-bit instructions at addresses that are 2 mod 4 (JAL/JALR link = pc + 4 there,
 *   AUIPC sees its own address).
 * Filler between far jumps is the all-zero halfword, which is illegal: landing
 * anywhere but on the target traps into tv_unexpected_trap and fails the test.
 * Written from the RISC-V unprivileged spec (C extension) for trapvisor.
 */
#include "tv.h"

/* reg must be an address that is 2 mod 4 (so the check really tests that case). */
#define IS_ODD_HALF(n, label)                                     \
        la t0, label;                                             \
        andi t0, t0, 3;                                           \
        TV_CHECK_REG(n, t0, 2)
#define IS_WORD(n, label)                                         \
        la t0, label;                                             \
        andi t0, t0, 3;                                           \
        TV_CHECK_REG(n, t0, 0)

#define CHECK_RA(n, label)                                        \
        la t0, label;                                             \
        TV_CHECK_EQ(n, ra, t0)

#define LONG_J(label)                                             \
        .option push; .option norvc; jal x0, label; .option pop

TV_BEGIN
        /* The extreme offsets come first: the assembler sizes a c.* jump or branch to a
         * forward label conservatively when relaxable instructions precede it in the
         * section, so each far case also checks its own distance (which would be off
         * if the instruction had been widened to 32 bits). */
        /* 17: C.BEQZ +254, 18: C.BNEZ -256 */
        li a1, 0
        li a0, 0
45:     c.beqz a1, 46f
        .fill 126, 2, 0
46:     c.li a0, 7
        TV_CHECK_REG(17, a0, 7)
        la t0, 45b
        la t1, 46b
        sub t1, t1, t0
        TV_CHECK_REG(17, t1, 254)
        li a0, 0
        li a1, 1
        LONG_J(48f)
47:     c.li a0, 8
        LONG_J(49f)
        .fill 125, 2, 0
48:     c.bnez a1, 47b
49:     TV_CHECK_REG(18, a0, 8)
        la t0, 47b
        la t1, 48b
        sub t1, t0, t1
        TV_CHECK_REG(18, t1, -256)

        /* 1: C.J forward skips the next instruction */
        li a0, 0
        c.j 10f
        c.li a0, 1
10:     TV_CHECK_REG(1, a0, 0)

        /* 2: C.J backward */
        li a0, 0
        c.j 12f
11:     c.addi a0, 5
        c.j 13f
12:     c.addi a0, 2
        c.j 11b
13:     TV_CHECK_REG(2, a0, 7)

        /* 7-8: C.JAL links pc + 2 (at a word address and at a 2 mod 4 address) */
        .balign 4
20:     c.jal 21f
22:     j fail
21:     IS_WORD(7, 20b)
        CHECK_RA(7, 22b)
        .balign 4
        c.nop
23:     c.jal 24f
25:     j fail
24:     IS_ODD_HALF(8, 23b)
        CHECK_RA(8, 25b)

        /* 12-15: C.BEQZ / C.BNEZ taken and not taken; every bit counts */
        li s0, 0
        li a0, 0
        c.beqz s0, 40f
        c.li a0, 1
40:     TV_CHECK_REG(12, a0, 0)
        li s0, 0x80000000
        c.beqz s0, 41f
        c.li a0, 2
41:     TV_CHECK_REG(13, a0, 2)
        li a5, 0
        li a0, 0
        c.bnez a5, 42f
        c.li a0, 3
42:     TV_CHECK_REG(14, a0, 3)
        li a5, 0x80000000
        c.bnez a5, 43f
        c.li a0, 4
43:     TV_CHECK_REG(15, a0, 3)

        /* 16: C.BNEZ backward loop: count down from 5 */
        li s1, 5
        li a0, 0
44:     c.addi a0, 3
        c.addi s1, -1
        c.bnez s1, 44b
        TV_CHECK_REG(16, a0, 15)

        /* 3: C.J +2046 (the largest forward offset) */
        li a0, 0
14:     c.j 15f
        .fill 1022, 2, 0
15:     c.li a0, 3
        TV_CHECK_REG(3, a0, 3)
        la t0, 14b
        la t1, 15b
        sub t1, t1, t0
        TV_CHECK_REG(4, t1, 2046)

        /* 5: C.J -2048 (the largest backward offset) */
        li a0, 0
        LONG_J(17f)
16:     c.li a0, 5
        LONG_J(18f)
        .fill 1021, 2, 0
17:     c.j 16b
18:     TV_CHECK_REG(5, a0, 5)
        la t0, 16b
        la t1, 17b
        sub t1, t0, t1
        TV_CHECK_REG(6, t1, -2048)

        /* 9: C.JAL +2046, 10: C.JAL -2048 */
26:     c.jal 27f
28:     .fill 1022, 2, 0
27:     CHECK_RA(9, 28b)
        la t0, 26b
        la t1, 27b
        sub t1, t1, t0
        TV_CHECK_REG(9, t1, 2046)
        li ra, 0
        LONG_J(30f)
29:     LONG_J(33f)
        .fill 1022, 2, 0
30:     c.jal 29b
31:     j fail
33:     CHECK_RA(10, 31b)
        la t0, 29b
        la t1, 30b
        sub t1, t0, t1
        TV_CHECK_REG(11, t1, -2048)

        /* 19-20: C.JR jumps without linking; target 2 mod 4 */
        li ra, 0x1234
        la a1, 51f
        c.jr a1
        j fail
        .balign 4
        c.nop
51:     IS_ODD_HALF(19, 51b)
        TV_CHECK_REG(20, ra, 0x1234)

        /* 21-22: C.JALR links pc + 2; target 2 mod 4 */
        la a2, 53f
        .balign 4
52:     c.jalr a2
54:     j fail
        .balign 4
        c.nop
53:     IS_ODD_HALF(21, 53b)
        CHECK_RA(22, 54b)

        /* 23: C.JALR ra: the target is the old ra, then ra = pc + 2 */
        la ra, 56f
55:     c.jalr ra
57:     j fail
56:     CHECK_RA(23, 57b)

        /* 24: C.JR ra as a return from C.JAL */
        li a0, 0
        c.jal 58f
        TV_CHECK_REG(24, a0, 9)
        j 59f
58:     c.li a0, 9
        c.jr ra
59:

        /* 25-30: 32-bit instructions at 2 mod 4 addresses */
        .balign 4
        c.nop
        .option push
        .option norvc
60:     auipc a0, 0                 /* sees its own address */
        add a1, a0, zero
        lui a2, 0x12345
        addi a2, a2, 0x678
        .option pop
        IS_ODD_HALF(25, 60b)
        la t0, 60b
        TV_CHECK_EQ(26, a0, t0)
        TV_CHECK_REG(27, a2, 0x12345678)

        .balign 4
        c.nop
        .option push
        .option norvc
61:     jal ra, 62f                 /* 32-bit JAL at 2 mod 4: link = pc + 4 */
63:     jal x0, fail
        .option pop
62:     IS_ODD_HALF(28, 61b)
        CHECK_RA(29, 63b)

        la a3, 65f
        .balign 4
        c.nop
        .option push
        .option norvc
64:     jalr ra, 0(a3)              /* 32-bit JALR at 2 mod 4 to a 2 mod 4 target */
66:     jal x0, fail
        .option pop
        .balign 4
        c.nop
65:     IS_ODD_HALF(30, 64b)
        IS_ODD_HALF(30, 65b)
        CHECK_RA(31, 66b)

        /* 32: JALR with an odd offset sum: bit 0 is cleared, target 2 mod 4 */
        la a3, 68f
        addi a3, a3, 1
        .option push
        .option norvc
        jalr ra, 0(a3)
        .option pop
        j fail
        .balign 4
        c.nop
68:     IS_ODD_HALF(32, 68b)

        /* 33-34: 32-bit BEQ / BNE to 2 mod 4 targets, and from 2 mod 4 addresses */
        li a0, 0
        li a4, 0
        .option push
        .option norvc
        .balign 4
        beq a4, zero, 70f
        jal x0, fail
        .option pop
        .balign 4
        c.nop
70:     IS_ODD_HALF(33, 70b)
        .balign 4
        c.nop
        .option push
        .option norvc
71:     bne a4, zero, fail          /* at 2 mod 4, not taken */
        bne zero, a4, fail
        beq a4, a4, 72f
        jal x0, fail
        .option pop
72:     IS_ODD_HALF(34, 71b)

        /* 35: 32-bit JAL to a 2 mod 4 target */
        .option push
        .option norvc
        .balign 4
        jal ra, 74f
        .option pop
75:     j fail
        .balign 4
        c.nop
74:     IS_ODD_HALF(35, 74b)
        CHECK_RA(35, 75b)

        /* 36-37: C.J and C.BEQZ landing on a 32-bit instruction that starts at 2 mod 4
         * (its two halves are in different words) */
        li a0, 0
        c.j 76f
        c.li a0, 1
        .balign 4
        c.nop
        .option push
        .option norvc
76:     addi a0, a0, 0x36
        .option pop
        IS_ODD_HALF(36, 76b)
        TV_CHECK_REG(36, a0, 0x36)
        li s0, 0
        c.beqz s0, 77f
        c.li a0, 1
        .balign 4
        c.nop
        .option push
        .option norvc
77:     addi a0, a0, 1
        .option pop
        IS_ODD_HALF(37, 77b)
        TV_CHECK_REG(37, a0, 0x37)
        TV_PASS
TV_END
