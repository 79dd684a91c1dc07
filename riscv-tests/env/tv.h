/* trapvisor own test environment (written for this project).
 *
 * Contract (the riscv-tests ELF format, as Spike and the trapvisor runner read it):
 *   - reset at 0x80000000 in M-mode, entry symbol _start;
 *   - result through the 64-bit `tohost` word: 1 = pass, (n << 1) | 1 = fail with code n;
 *   - every test body sets TESTNUM (gp) before each check, so a failure reports which check failed;
 *   - PMP entry 0 is opened (NAPOT, RWX over everything) as firmware would, so S/U code can run.
 * A trap nobody expected lands in tv_unexpected_trap, which fails with code 0x400 + mcause (low bits).
 */
#ifndef TV_H
#define TV_H

#define TESTNUM gp

/* Start of a test file: reset stub, default trap vector, clean register file. */
#define TV_BEGIN                                                  \
        .section .text.init;                                      \
        .align 6;                                                 \
        .globl _start;                                            \
_start:                                                           \
        la t0, tv_unexpected_trap;                                \
        csrw mtvec, t0;                                           \
        /* PMP entry 0: NAPOT over everything, RWX, so S/U may run */ \
        li t0, -1;                                                \
        csrw pmpaddr0, t0;                                        \
        li t0, 0x1f;                                              \
        csrw pmpcfg0, t0;                                         \
        li x1, 0; li x2, 0; li x3, 0; li x4, 0; li x5, 0;         \
        li x6, 0; li x7, 0; li x8, 0; li x9, 0; li x10, 0;        \
        li x11, 0; li x12, 0; li x13, 0; li x14, 0; li x15, 0;    \
        li x16, 0; li x17, 0; li x18, 0; li x19, 0; li x20, 0;    \
        li x21, 0; li x22, 0; li x23, 0; li x24, 0; li x25, 0;    \
        li x26, 0; li x27, 0; li x28, 0; li x29, 0; li x30, 0;    \
        li x31, 0;                                                \
        la sp, tv_stack_top;                                      \
        j tv_body;                                                \
        .align 2;                                                 \
tv_unexpected_trap:                                               \
        csrr a0, mcause;                                          \
        andi a0, a0, 0x3f;                                        \
        addi a0, a0, 0x400;                                       \
        j tv_fail_code;                                           \
        .text;                                                    \
tv_body:

/* Report pass. */
#define TV_PASS                                                   \
        li a0, 1;                                                 \
        j tv_write_tohost

/* Report failure of check number TESTNUM (gp); code 0 would read as pass, so gp=0 maps to 0x3ff. */
#define TV_FAIL                                                   \
        mv a0, TESTNUM;                                           \
        bnez a0, tv_fail_code;                                    \
        li a0, 0x3ff;                                             \
        j tv_fail_code

/* End of a test file: the pass/fail tails, tohost, a stack. Put TV_PASS before it; label `fail`. */
#define TV_END                                                    \
fail:                                                             \
        TV_FAIL;                                                  \
tv_fail_code:                                                     \
        slli a0, a0, 1;                                           \
        ori a0, a0, 1;                                            \
tv_write_tohost:                                                  \
        la t0, tohost;                                            \
        sw a0, 0(t0);                                             \
        sw zero, 4(t0);                                           \
1:      j 1b;                                                     \
        .pushsection .tohost, "aw", @progbits;                    \
        .align 6; .globl tohost; .type tohost, @object; .size tohost, 8; tohost: .dword 0;                \
        .align 6; .globl fromhost; .type fromhost, @object; .size fromhost, 8; fromhost: .dword 0;            \
        .popsection;                                              \
        .bss;                                                     \
        .align 4;                                                 \
tv_stack: .skip 4096;                                             \
tv_stack_top:

/* Checks: each sets TESTNUM, computes, compares, branches to `fail`. */
#define TV_CHECK_REG(n, reg, expected)                            \
        li TESTNUM, n;                                            \
        li t6, expected;                                          \
        bne reg, t6, fail

#define TV_CHECK_EQ(n, reg_a, reg_b)                              \
        li TESTNUM, n;                                            \
        bne reg_a, reg_b, fail

#endif
