/* RV32C loads and stores: C.LW, C.SW (base and data in x8-x15, offset 0..124 step 4)
 * and C.LWSP, C.SWSP (base sp, offset 0..252 step 4, any data register), each written
 * with its c.* mnemonic. Checks the extreme offsets, full 32-bit values (no sign or
 * zero extension issue on RV32), rd = base, and that neighbouring words are untouched.
 * Written from the RISC-V unprivileged spec (C extension) for trapvisor.
 */
#include "tv.h"

#define WORD_AT(n, label, off, expect)                            \
        la t0, label;                                             \
        lw t1, off(t0);                                           \
        TV_CHECK_REG(n, t1, expect)

TV_BEGIN
        /* C.LW */
        la s0, buf
        c.lw a0, 0(s0)
        TV_CHECK_REG(1, a0, 0x03020100)
        c.lw a1, 124(s0)
        TV_CHECK_REG(2, a1, 0x7f7e7d7c)
        c.lw a2, 4(s0)
        TV_CHECK_REG(3, a2, 0x80000000)
        c.lw a3, 8(s0)
        TV_CHECK_REG(4, a3, 0xffffffff)
        la a5, buf + 12
        c.lw s1, 0(a5)
        TV_CHECK_REG(5, s1, 0x0f0e0d0c)
        c.lw a5, 112(a5)            /* rd = base: buf + 124 */
        TV_CHECK_REG(6, a5, 0x7f7e7d7c)
        la a4, buf
        c.lw a4, 64(a4)
        TV_CHECK_REG(7, a4, 0x43424140)

        /* C.SW */
        la a0, sbuf
        li a1, 0xdeadbeef
        c.sw a1, 0(a0)
        WORD_AT(8, sbuf, 0, 0xdeadbeef)
        li s1, 0x80000001
        c.sw s1, 124(a0)
        WORD_AT(9, sbuf, 124, 0x80000001)
        WORD_AT(10, sbuf, 120, 0x55555555)
        WORD_AT(11, sbuf, 128, 0x55555555)
        WORD_AT(12, sbuf, 4, 0x55555555)
        WORD_AT(13, sbuf, -4, 0xaaaaaaaa)
        c.sw a0, 60(a0)             /* data = base */
        la t2, sbuf
        lw t1, 60(t2)
        TV_CHECK_EQ(14, t1, t2)
        TV_CHECK_REG(15, a1, 0xdeadbeef)

        /* C.LWSP and C.SWSP, with sp pointing at sbuf */
        la sp, sbuf
        li a1, 0x12345678
        c.swsp a1, 0(sp)
        li ra, 0xfedcba98
        c.swsp ra, 252(sp)
        li s11, 0x7fffffff
        c.swsp s11, 128(sp)
        c.lwsp a2, 0(sp)
        TV_CHECK_REG(16, a2, 0x12345678)
        c.lwsp t5, 252(sp)
        TV_CHECK_REG(17, t5, 0xfedcba98)
        c.lwsp ra, 128(sp)
        TV_CHECK_REG(18, ra, 0x7fffffff)
        WORD_AT(19, sbuf, 248, 0x55555555)
        WORD_AT(20, sbuf, 256, 0xaaaaaaaa)
        c.swsp sp, 4(sp)            /* data = base */
        la t2, sbuf
        lw t1, 4(t2)
        TV_CHECK_EQ(21, t1, t2)
        c.lwsp sp, 4(sp)            /* rd = base: sp = sbuf again */
        TV_CHECK_EQ(22, sp, t2)
        la sp, tv_stack_top

        /* store then load back through different forms */
        la s0, sbuf
        li a3, 0x0badc0de
        c.sw a3, 32(s0)
        la sp, sbuf + 32
        c.lwsp a4, 0(sp)
        TV_CHECK_REG(23, a4, 0x0badc0de)
        la sp, tv_stack_top
        TV_PASS
TV_END
        .data
        .align 4
buf:
        .word 0x03020100, 0x80000000, 0xffffffff, 0x0f0e0d0c
        .word 0x13121110, 0x17161514, 0x1b1a1918, 0x1f1e1d1c
        .word 0x23222120, 0x27262524, 0x2b2a2928, 0x2f2e2d2c
        .word 0x33323130, 0x37363534, 0x3b3a3938, 0x3f3e3d3c
        .word 0x43424140, 0x47464544, 0x4b4a4948, 0x4f4e4d4c
        .word 0x53525150, 0x57565554, 0x5b5a5958, 0x5f5e5d5c
        .word 0x63626160, 0x67666564, 0x6b6a6968, 0x6f6e6d6c
        .word 0x73727170, 0x77767574, 0x7b7a7978, 0x7f7e7d7c
        .word 0xaaaaaaaa
sbuf_lo: .word 0xaaaaaaaa
sbuf:   .fill 64, 4, 0x55555555
        .word 0xaaaaaaaa
