/* trapvisor rv32ua helper macros (written for this project, on top of rv32mi/priv_macros.h).
 *
 * Register use: a1 = address, a2 = source operand (rs2), a0 = rd; t0/t1 scratch;
 * t5/t6/gp as in priv_macros.h. Every AMO macro works on the word `amo_word`, which sits
 * between two guard words (amo_lo, amo_hi) that no test may change: a test file using
 * these macros must place AMO_DATA once in its .data section.
 */
#ifndef UA_MACROS_H
#define UA_MACROS_H

#include "../rv32mi/priv_macros.h"

#define GUARD_LO 0x5a5a5a5a
#define GUARD_HI 0xa5a5a5a5

/* The memory an AMO test works on. */
#define AMO_DATA                                                  \
        .data;                                                    \
        .align 4;                                                 \
amo_lo:   .word GUARD_LO;                                         \
amo_word: .word 0;                                                \
amo_hi:   .word GUARD_HI

/* Set amo_word to init, leave a1 = &amo_word. */
#define AMO_SET(init)                                             \
        la a1, amo_word;                                          \
        li t0, init;                                              \
        sw t0, 0(a1)

/* amo_word must hold expect, and both guard words must be intact. */
#define AMO_MEM(n, expect)                                        \
        la t0, amo_word;                                          \
        lw t1, 0(t0);                                             \
        TV_CHECK_REG(n, t1, expect);                              \
        lw t1, -4(t0);                                            \
        TV_CHECK_REG(n, t1, GUARD_LO);                            \
        lw t1, 4(t0);                                             \
        TV_CHECK_REG(n, t1, GUARD_HI)

/* op a0, a2, (a1): a0 = the old word, memory = expect, a1 and a2 untouched. */
#define AMO_OP(n, op, init, src, expect)                          \
        AMO_SET(init);                                            \
        li a2, src;                                               \
        op a0, a2, (a1);                                          \
        TV_CHECK_REG(n, a0, init);                                \
        TV_CHECK_REG(n, a2, src);                                 \
        la t0, amo_word;                                          \
        TV_CHECK_EQ(n, a1, t0);                                   \
        AMO_MEM(n, expect)

/* rd == rs2: the source is read before rd is written. */
#define AMO_OP_RD_RS2(n, op, init, src, expect)                   \
        AMO_SET(init);                                            \
        li a2, src;                                               \
        op a2, a2, (a1);                                          \
        TV_CHECK_REG(n, a2, init);                                \
        AMO_MEM(n, expect)

/* rd == rs1: the address is used before rd is written. */
#define AMO_OP_RD_RS1(n, op, init, src, expect)                   \
        AMO_SET(init);                                            \
        li a2, src;                                               \
        op a1, a2, (a1);                                          \
        TV_CHECK_REG(n, a1, init);                                \
        AMO_MEM(n, expect)

/* rd == x0: memory is still updated, x0 stays zero. */
#define AMO_OP_X0(n, op, init, src, expect)                       \
        AMO_SET(init);                                            \
        li a2, src;                                               \
        op x0, a2, (a1);                                          \
        TV_CHECK_REG(n, x0, 0);                                   \
        AMO_MEM(n, expect)

/* rs2 == x0: the source operand is zero. */
#define AMO_OP_ZSRC(n, op, init, expect)                          \
        AMO_SET(init);                                            \
        op a0, x0, (a1);                                          \
        TV_CHECK_REG(n, a0, init);                                \
        AMO_MEM(n, expect)

#endif
