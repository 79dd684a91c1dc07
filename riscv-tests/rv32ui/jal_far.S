/* jal with large offsets, up to the limits of the 21-bit J immediate:
 * +0xffffc (largest word-aligned forward offset) and -0x100000 (most negative).
 * The far targets lie in a 1 MiB+ .bss area (no file size cost): small stubs are
 * written there at run time and made fetchable with fence.i.
 *  - forward jumps are encoded by the linker (jal to label + distance);
 *  - backward jumps come from a stub whose jal word is built by enc_jal below,
 *    an encoder that is first cross-checked against linker-encoded jal words. */
#include "ui_macros.h"

/* jal ra forward by dist to a stub "addi a0, a0, 1; jalr x0, 0(ra)" */
#define FAR_FWD(n, dist)                                          \
        li TESTNUM, n;                                            \
        la t0, 1f + (dist);                                       \
        la t1, far_area;            /* stub really in .bss */     \
        bltu t0, t1, fail;                                        \
        la t1, stub_tmpl;                                         \
        lw t2, 0(t1); sw t2, 0(t0);                               \
        lw t2, 4(t1); sw t2, 4(t0);                               \
        fence.i;                                                  \
        li a0, 0;                                                 \
1:      jal ra, 1b + (dist);                                      \
2:      li t0, 1;                                                 \
        bne a0, t0, fail;                                         \
        la t0, 2b;                                                \
        bne ra, t0, fail

/* jump (jalr) to a stub placed dist bytes after label 3, whose single
 * instruction is "jal a5, 3b" (offset -dist); a5 must get stub + 4 */
#define FAR_BACK(n, dist)                                         \
        li TESTNUM, n;                                            \
        la a1, 3f + (dist);                                       \
        la a2, 3f;                                                \
        la t0, far_area;            /* stub really in .bss */     \
        bltu a1, t0, fail;                                        \
        li a3, 15;                                                \
        jal ra, enc_jal;                                          \
        sw a0, 0(a1);                                             \
        fence.i;                                                  \
        li a5, 0;                                                 \
        jalr x0, 0(a1);                                           \
        j fail;                                                   \
3:      la t0, 3b + (dist) + 4;                                   \
        bne a5, t0, fail

TV_BEGIN
        /* the encoder agrees with the assembler/linker on a forward and a backward jal */
        li TESTNUM, 1
        la a1, enc_fwd
        la a2, enc_fwd_to
        li a3, 15
        jal ra, enc_jal
        lw t0, 0(a1)
        bne a0, t0, fail
        li TESTNUM, 2
        la a1, enc_back
        la a2, enc_back_to
        li a3, 0
        jal ra, enc_jal
        lw t0, 0(a1)
        bne a0, t0, fail

        FAR_FWD(3, 0x00ffffc)          /* imm = 0x0ffffc: bits 2..19 set */
        FAR_FWD(4, 0x0055554)          /* bits 2,4,...,18 */
        FAR_FWD(5, 0x00aaaa8)          /* bits 3,5,...,19 */
        FAR_FWD(6, 0x0080000)          /* bit 19 alone */
        FAR_BACK(7, 0x0100000)         /* imm = -0x100000: only the sign bit */
        FAR_BACK(8, 0x00ffffc)         /* -0x0ffffc */
        FAR_BACK(9, 0x0055554)
        FAR_BACK(10, 0x0080000)        /* -0x80000: bits 19 and 20 */
        TV_PASS

/* a0 = encoding of "jal x<a3>, <a2>" placed at address a1. Uses t0, t1. */
enc_jal:
        sub t0, a2, a1              /* offset */
        li a0, 0x6f                 /* opcode JAL */
        slli t1, a3, 7
        or a0, a0, t1               /* rd */
        li t1, 0xff000
        and t1, t0, t1
        or a0, a0, t1               /* imm[19:12] -> inst[19:12] */
        srli t1, t0, 11
        andi t1, t1, 1
        slli t1, t1, 20
        or a0, a0, t1               /* imm[11] -> inst[20] */
        srli t1, t0, 1
        andi t1, t1, 0x3ff
        slli t1, t1, 21
        or a0, a0, t1               /* imm[10:1] -> inst[30:21] */
        srli t1, t0, 20
        slli t1, t1, 31
        or a0, a0, t1               /* imm[20] -> inst[31] */
        ret

/* never executed: only their encodings are read */
enc_back_to:
        nop
        .fill 300, 4, 0
enc_fwd:
        jal a5, enc_fwd_to
enc_back:
        jal x0, enc_back_to
        .fill 700, 4, 0
enc_fwd_to:
        nop
TV_END

        .data
        .align 4
stub_tmpl:
        addi a0, a0, 1
        jalr x0, 0(ra)

        .bss
        .align 12
far_area:
        .skip 0x104000              /* holds every far target above */
