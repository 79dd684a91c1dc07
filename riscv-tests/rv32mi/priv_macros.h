/* trapvisor privileged-test helpers (rv32mi / rv32si), written for this project.
 *
 * Register conventions while these helpers are in use:
 *   M-level recording handler `m_trap_rec` (install with SET_MTVEC(m_trap_rec)):
 *     s8  = number of M traps taken        s9  = mcause    s10 = mepc
 *     s11 = mtval                          s7  = mstatus as seen on handler entry
 *     s6  = if non-zero when an ECALL (cause 8/9/11) arrives: the handler jumps to s6
 *           in M-mode (s6 is cleared) instead of returning -- this is how a test
 *           "comes back" to M from S/U (see BACK_TO_M).
 *     Exceptions are skipped (mepc += 4, mret back to the trapping mode).
 *     Interrupts: mie is cleared (so the source cannot re-fire) and mret.
 *   S-level recording handler `s_trap_rec` (install with SET_STVEC(s_trap_rec)):
 *     s5  = number of S traps taken        s1  = scause    s2  = sepc
 *     s3  = stval                          s4  = sstatus as seen on handler entry
 *     s0  = continuation for a delegated ECALL (like s6, but stays in S-mode).
 *     Interrupts: sie is cleared and sret.
 *   t5 is clobbered by both handlers; t6 by TV_CHECK_*.
 * Check numbers must stay below 256 (QEMU's exit status is 8 bits).
 */
#ifndef PRIV_MACROS_H
#define PRIV_MACROS_H

#include "tv.h"

/* mstatus fields */
#define MSTATUS_SIE   0x00000002
#define MSTATUS_MIE   0x00000008
#define MSTATUS_SPIE  0x00000020
#define MSTATUS_UBE   0x00000040
#define MSTATUS_MPIE  0x00000080
#define MSTATUS_SPP   0x00000100
#define MSTATUS_MPP   0x00001800
#define MSTATUS_MPP_S 0x00000800
#define MSTATUS_MPP_M 0x00001800
#define MSTATUS_MPRV  0x00020000
#define MSTATUS_SUM   0x00040000
#define MSTATUS_MXR   0x00080000
#define MSTATUS_TVM   0x00100000
#define MSTATUS_TW    0x00200000
#define MSTATUS_TSR   0x00400000

/* interrupt bits (mip/mie) */
#define IRQ_SSI 1
#define IRQ_MSI 3
#define IRQ_STI 5
#define IRQ_MTI 7
#define IRQ_SEI 9
#define IRQ_MEI 11
#define MIP_SSIP (1 << IRQ_SSI)
#define MIP_MSIP (1 << IRQ_MSI)
#define MIP_STIP (1 << IRQ_STI)
#define MIP_MTIP (1 << IRQ_MTI)
#define MIP_SEIP (1 << IRQ_SEI)
#define MIP_MEIP (1 << IRQ_MEI)
#define INT_BIT  0x80000000

/* exception causes */
#define CAUSE_MISALIGNED_FETCH  0
#define CAUSE_FETCH_ACCESS      1
#define CAUSE_ILLEGAL_INSN      2
#define CAUSE_BREAKPOINT        3
#define CAUSE_MISALIGNED_LOAD   4
#define CAUSE_LOAD_ACCESS       5
#define CAUSE_MISALIGNED_STORE  6
#define CAUSE_STORE_ACCESS      7
#define CAUSE_ECALL_U           8
#define CAUSE_ECALL_S           9
#define CAUSE_ECALL_M           11

/* CLINT */
#define CLINT_MSIP       0x02000000
#define CLINT_MTIMECMP   0x02004000
#define CLINT_MTIMECMPH  0x02004004
#define CLINT_MTIME      0x0200bff8
#define CLINT_MTIMEH     0x0200bffc

#define SET_MTVEC(label)  la t0, label; csrw mtvec, t0
#define SET_STVEC(label)  la t0, label; csrw stvec, t0

/* Forget earlier trap records. */
#define TRAP_CLEAR                                                \
        li s8, 0; li s9, -1; li s10, -1; li s11, -1; li s7, -1;   \
        li s5, 0; li s1, -1; li s2, -1; li s3, -1; li s4, -1

/* Compare a register with the address of a label. */
#define CHECK_LABEL(n, reg, label)                                \
        li TESTNUM, n;                                            \
        la t6, label;                                             \
        bne reg, t6, fail

/* Compare (reg & mask) with expected. */
#define CHECK_MASKED(n, reg, mask, expected)                      \
        li TESTNUM, n;                                            \
        li t6, mask;                                              \
        and t6, reg, t6;                                          \
        li t5, expected;                                          \
        bne t6, t5, fail

/* One M trap recorded with this cause, mepc at label. */
#define CHECK_MTRAP(n, cause, epc_label)                          \
        TV_CHECK_REG(n, s8, 1);                                   \
        TV_CHECK_REG(n, s9, cause);                               \
        CHECK_LABEL(n, s10, epc_label)

/* One S trap recorded with this cause, sepc at label, and no M trap. */
#define CHECK_STRAP(n, cause, epc_label)                          \
        TV_CHECK_REG(n, s8, 0);                                   \
        TV_CHECK_REG(n, s5, 1);                                   \
        TV_CHECK_REG(n, s1, cause);                               \
        CHECK_LABEL(n, s2, epc_label)

/* No trap at all since TRAP_CLEAR. */
#define CHECK_NO_TRAP(n)                                          \
        TV_CHECK_REG(n, s8, 0);                                   \
        TV_CHECK_REG(n, s5, 0)

/* PMP entry 0 = whole address space RWX (QEMU denies S/U without any PMP
 * entry; trapvisor stores PMP state without enforcing it). */
#define PMP_ALLOW_ALL                                             \
        li t0, -1; csrw pmpaddr0, t0;                             \
        li t0, 0x1f; csrw pmpcfg0, t0

/* Drop from M to U / S at label (via mret). */
#define ENTER_U(label)                                            \
        li t0, MSTATUS_MPP; csrc mstatus, t0;                     \
        la t0, label; csrw mepc, t0;                              \
        mret

#define ENTER_S(label)                                            \
        li t0, MSTATUS_MPP; csrc mstatus, t0;                     \
        li t0, MSTATUS_MPP_S; csrs mstatus, t0;                   \
        la t0, label; csrw mepc, t0;                              \
        mret

/* From S or U: ecall into m_trap_rec, which continues at label in M-mode.
 * The ecall itself is recorded (s8 incremented, s9 = 8/9). */
#define BACK_TO_M(label)                                          \
        la s6, label;                                             \
        ecall

/* From U with ecall delegated to S: continue at label in S-mode. */
#define BACK_TO_S(label)                                          \
        la s0, label;                                             \
        ecall

/* Execute one instruction that must raise an illegal-instruction exception into
 * m_trap_rec: checks count, mcause=2, mepc=the instruction, mtval=its bits. */
#define EXPECT_ILLEGAL(n, ...)                                    \
        TRAP_CLEAR;                                               \
77:     __VA_ARGS__;                                              \
        TV_CHECK_REG(n, s8, 1);                                   \
        TV_CHECK_REG(n, s9, CAUSE_ILLEGAL_INSN);                  \
        CHECK_LABEL(n, s10, 77b);                                 \
        la t6, 77b; lw t6, 0(t6);                                 \
        bne s11, t6, fail

/* Execute one instruction that must not trap at all. */
#define EXPECT_OK(n, ...)                                         \
        TRAP_CLEAR;                                               \
        __VA_ARGS__;                                              \
        CHECK_NO_TRAP(n)

/* The recording handlers; place once in a file, after TV_PASS. */
#define M_TRAP_HANDLER                                            \
        .align 6;                                                 \
m_trap_rec:                                                       \
        csrr s9, mcause;                                          \
        csrr s10, mepc;                                           \
        csrr s11, mtval;                                          \
        csrr s7, mstatus;                                         \
        addi s8, s8, 1;                                           \
        bltz s9, m_trap_irq;                                      \
        li t5, CAUSE_ECALL_U;                                     \
        beq s9, t5, m_trap_ecall;                                 \
        li t5, CAUSE_ECALL_S;                                     \
        beq s9, t5, m_trap_ecall;                                 \
        li t5, CAUSE_ECALL_M;                                     \
        beq s9, t5, m_trap_ecall;                                 \
m_trap_skip:                                                      \
        addi t5, s10, 4;                                          \
        csrw mepc, t5;                                            \
        mret;                                                     \
m_trap_ecall:                                                     \
        beqz s6, m_trap_skip;                                     \
        mv t5, s6;                                                \
        li s6, 0;                                                 \
        jr t5;                                                    \
m_trap_irq:                                                       \
        csrw mie, zero;                                           \
        mret

#define S_TRAP_HANDLER                                            \
        .align 6;                                                 \
s_trap_rec:                                                       \
        csrr s1, scause;                                          \
        csrr s2, sepc;                                            \
        csrr s3, stval;                                           \
        csrr s4, sstatus;                                         \
        addi s5, s5, 1;                                           \
        bltz s1, s_trap_irq;                                      \
        li t5, CAUSE_ECALL_U;                                     \
        bne s1, t5, s_trap_skip;                                  \
        beqz s0, s_trap_skip;                                     \
        mv t5, s0;                                                \
        li s0, 0;                                                 \
        jr t5;                                                    \
s_trap_skip:                                                      \
        addi t5, s2, 4;                                           \
        csrw sepc, t5;                                            \
        sret;                                                     \
s_trap_irq:                                                       \
        csrw sie, zero;                                           \
        sret

#endif
