/* lui rd, imm20: rd = imm20 << 12 (low 12 bits zero).
 * Expected values come from .data words, so the check does not itself rely on lui. */
#include "ui_macros.h"

/* lui a0, imm; compare with the word at label exp */
#define LUI_CHK(n, imm, exp)                                      \
        li TESTNUM, n;                                            \
        li a0, -1;                  /* stale low bits must go */  \
        lui a0, imm;                                              \
        la t0, exp;                                               \
        lw t1, 0(t0);                                             \
        bne a0, t1, fail

TV_BEGIN
        LUI_CHK( 1, 0x00000, e_0)
        LUI_CHK( 2, 0x00001, e_1)
        LUI_CHK( 3, 0xfffff, e_fffff)
        LUI_CHK( 4, 0x80000, e_80000)
        LUI_CHK( 5, 0x7ffff, e_7ffff)
        LUI_CHK( 6, 0x12345, e_12345)
        LUI_CHK( 7, 0xaaaaa, e_aaaaa)
        LUI_CHK( 8, 0x55555, e_55555)
        /* lui + addi: addi's sign extension is compensated by rounding imm20 up */
        li TESTNUM, 9
        lui a0, 0x12346
        addi a0, a0, -0x544
        la t0, e_12345abc
        lw t1, 0(t0)
        bne a0, t1, fail
        /* lui + addi with a positive low part */
        li TESTNUM, 10
        lui a0, 0x12345
        addi a0, a0, 0x678
        la t0, e_12345678
        lw t1, 0(t0)
        bne a0, t1, fail
        /* lui x0 is a hint: x0 stays zero */
        li TESTNUM, 11
        lui x0, 0x80000
        bnez x0, fail
        /* lui in rd that is also used right after */
        li TESTNUM, 12
        lui a1, 0x00001
        srli a1, a1, 12
        li t0, 1
        bne a1, t0, fail
        TV_PASS
TV_END

        .data
        .align 4
e_0:        .word 0x00000000
e_1:        .word 0x00001000
e_fffff:    .word 0xfffff000
e_80000:    .word 0x80000000
e_7ffff:    .word 0x7ffff000
e_12345:    .word 0x12345000
e_aaaaa:    .word 0xaaaaa000
e_55555:    .word 0x55555000
e_12345678: .word 0x12345678
e_12345abc: .word 0x12345abc
