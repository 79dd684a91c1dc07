/* trapvisor Sv32 test helpers (rv32vm), written for this project from the privileged spec 1.12, 4.3.
 *
 * Address space built by VM_INIT (root table pt_root, all tables and pages in .bss, 4 KiB aligned):
 *   VA 0x80000000..0x803fffff  identity, 4 KiB pages through the level-0 table pt_code, V|R|W|X|A|D
 *                              (S-only); the pages between U_CODE_BEGIN and U_CODE_END also have U,
 *                              so U-mode code placed there runs at its link address.
 *   VA 0x10000000..0x103fffff  TVA(k): level-0 table pt_test, all entries invalid until a test maps them.
 *   VA 0xc0000000 (SVA)        4 MiB superpage -> PA 0x80000000, V|R|W|X|A|D (aligned).
 *   VA 0xc0400000 (SVA_MIS)    4 MiB "superpage" whose PPN[0] = 1 (misaligned: page fault).
 * Physical pages vm_page(k) = vm_pages + k*4096, k < VM_NPAGES: word 0 = `ret` (jalr x0, 0(ra)),
 * word 1 (offset 4) = VM_MARK(k), so a fetch from them returns and a load tells which page it reached.
 * pt_root2 / pt_test2 are left zero for tests that build a second address space.
 *
 * Trap handlers (same register conventions as priv_macros.h, but):
 *   vm_mtrap: an ECALL (8/9/11) while s6 != 0 jumps to s6 in M *without* being recorded, so the
 *             record (s8 count, s9 mcause, s10 mepc, s11 mtval, s7 mstatus) describes the fault
 *             the S/U code hit before coming back. Other exceptions are recorded and skipped:
 *             mepc += 4 (files use .option norvc), except fetch faults (1, 12), which resume at ra
 *             (the faulting fetch is always the target of a `jalr ra`).
 *   vm_strap: the same for S (s5 count, s1 scause, s2 sepc, s3 stval, s4 sstatus; s0 continuation
 *             for an ECALL from U, not recorded).
 * Interrupts are not expected: either handler fails with code 0x7f0 / 0x7f1.
 */
#ifndef VM_MACROS_H
#define VM_MACROS_H

#include "../rv32mi/priv_macros.h"

#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_G 0x20
#define PTE_A 0x40
#define PTE_D 0x80

#define SATP_SV32 0x80000000
#define SATP_ASID_SHIFT 22

#define CAUSE_FETCH_PAGE 12
#define CAUSE_LOAD_PAGE  13
#define CAUSE_STORE_PAGE 15

#define TVA_BASE 0x10000000
#define TVA(k)   (TVA_BASE + (k) * 0x1000)
#define SVA      0xc0000000
#define SVA_MIS  0xc0400000
#define VM_NPAGES 8
#define VM_MARK(k) (0x5a5a0000 + (k))
#define INSN_RET 0x00008067

/* rd = leaf/pointer PTE for the physical address in pa (low 12 bits ignored) with constant flags. */
#define MAKE_PTE(rd, pa, flags)                                   \
        srli rd, pa, 12;                                          \
        slli rd, rd, 10;                                          \
        ori rd, rd, flags

/* rd = physical address of vm_page(k). Clobbers t2. */
#define LA_PAGE(rd, k)                                            \
        la rd, vm_pages;                                          \
        li t2, (k) * 4096;                                        \
        add rd, rd, t2

/* pt_test[k] = PTE(vm_page(pk), flags); sfence.vma. Clobbers t0..t2. */
#define MAP_TVA(k, pk, flags)                                     \
        LA_PAGE(t1, pk);                                          \
        MAKE_PTE(t0, t1, flags);                                  \
        la t1, pt_test;                                           \
        sw t0, (k) * 4(t1);                                       \
        sfence.vma

/* pt_test[k] = raw value; sfence.vma. Clobbers t0, t1. */
#define SET_TVA_PTE(k, value)                                     \
        li t0, value;                                             \
        la t1, pt_test;                                           \
        sw t0, (k) * 4(t1);                                       \
        sfence.vma

/* rd = pt_test[k] (read the PTE back). */
#define GET_TVA_PTE(rd, k)                                        \
        la rd, pt_test;                                           \
        lw rd, (k) * 4(rd)

/* satp = Sv32, ASID asid, root table at label; sfence.vma. Clobbers t0, t1. */
#define SATP_SET(root, asid)                                      \
        la t0, root;                                              \
        srli t0, t0, 12;                                          \
        li t1, SATP_SV32 | ((asid) << SATP_ASID_SHIFT);           \
        or t0, t0, t1;                                            \
        csrw satp, t0;                                            \
        sfence.vma

#define VM_ENABLE SATP_SET(pt_root, 0)

/* U-mode code goes between these (whole pages, marked U by VM_INIT). Every file uses them once. */
#define U_CODE_BEGIN  .text; .align 12; u_text_start:
#define U_CODE_END    .align 12; u_text_end:

/* Build the tables described at the top (M-mode, satp untouched). Clobbers t0..t4. */
#define VM_INIT                                                   \
        la t0, vm_tables_start;                                   \
        la t1, vm_tables_end;                                     \
81:     sw zero, 0(t0);                                           \
        addi t0, t0, 4;                                           \
        bltu t0, t1, 81b;                                         \
        /* pt_code: 1024 identity pages of 0x80000000.. */        \
        la t0, pt_code;                                           \
        li t1, 0x80000000;                                        \
        la t3, u_text_start;                                      \
        la t4, u_text_end;                                        \
82:     MAKE_PTE(t2, t1, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D); \
        bltu t1, t3, 83f;                                         \
        bgeu t1, t4, 83f;                                         \
        ori t2, t2, PTE_U;                                        \
83:     sw t2, 0(t0);                                             \
        addi t0, t0, 4;                                           \
        li t2, 4096;                                              \
        add t1, t1, t2;                                           \
        la t2, pt_code + 4096;                                    \
        bltu t0, t2, 82b;                                         \
        /* root: pointers to pt_code and pt_test, two superpages */ \
        la t0, pt_root;                                           \
        la t1, pt_code;                                           \
        MAKE_PTE(t2, t1, PTE_V);                                  \
        li t3, 0x200 * 4;                                         \
        add t3, t3, t0;                                           \
        sw t2, 0(t3);                                             \
        la t1, pt_test;                                           \
        MAKE_PTE(t2, t1, PTE_V);                                  \
        sw t2, 0x040 * 4(t0);                                     \
        li t1, 0x80000000;                                        \
        MAKE_PTE(t2, t1, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D); \
        li t3, 0x300 * 4;                                         \
        add t3, t3, t0;                                           \
        sw t2, 0(t3);                                             \
        li t1, 0x80001000;                                        \
        MAKE_PTE(t2, t1, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D); \
        li t3, 0x301 * 4;                                         \
        add t3, t3, t0;                                           \
        sw t2, 0(t3);                                             \
        /* test pages: `ret` and a marker */                      \
        la t0, vm_pages;                                          \
        li t1, 0;                                                 \
84:     li t2, INSN_RET;                                          \
        sw t2, 0(t0);                                             \
        li t2, VM_MARK(0);                                        \
        add t2, t2, t1;                                           \
        sw t2, 4(t0);                                             \
        li t2, 4096;                                              \
        add t0, t0, t2;                                           \
        addi t1, t1, 1;                                           \
        li t2, VM_NPAGES;                                         \
        bltu t1, t2, 84b;                                         \
        fence.i

/* The tables and pages; place once, after TV_END. */
#define VM_DATA                                                   \
        .bss;                                                     \
        .align 12;                                                \
vm_tables_start:                                                  \
pt_root:  .skip 4096;                                             \
pt_root2: .skip 4096;                                             \
pt_code:  .skip 4096;                                             \
pt_test:  .skip 4096;                                             \
pt_test2: .skip 4096;                                             \
vm_pages: .skip 4096 * VM_NPAGES;                                 \
vm_tables_end:

/* An access probe (place in S code and again, under another name, in U code):
 * a0 = 0 fetch (jalr ra to a1), 1 load (lw a2, 0(a1)), 2 store (sw a3, 0(a1)); then ecall.
 * a2 = -1 unless the load completes. Labels name_f / name_l / name_s are the access instructions. */
#define VM_PROBE(name)                                            \
name:                                                             \
        li a2, -1;                                                \
        beqz a0, name##_f;                                        \
        addi t0, a0, -1;                                          \
        beqz t0, name##_l;                                        \
name##_s:                                                         \
        sw a3, 0(a1);                                             \
        j name##_e;                                               \
name##_f:                                                         \
        jalr ra, 0(a1);                                           \
        j name##_e;                                               \
name##_l:                                                         \
        lw a2, 0(a1);                                             \
name##_e:                                                         \
        ecall;                                                    \
        li TESTNUM, 0xfe;                                         \
        j fail

#define VM_M_HANDLER                                              \
        .align 6;                                                 \
vm_mtrap:                                                         \
        csrr t5, mcause;                                          \
        bltz t5, 89f;                                             \
        addi t5, t5, -CAUSE_ECALL_U;                              \
        beqz t5, 85f;                                             \
        addi t5, t5, CAUSE_ECALL_U - CAUSE_ECALL_S;               \
        beqz t5, 85f;                                             \
        addi t5, t5, CAUSE_ECALL_S - CAUSE_ECALL_M;               \
        bnez t5, 86f;                                             \
85:     beqz s6, 86f;                                             \
        mv t5, s6;                                                \
        li s6, 0;                                                 \
        jr t5;                                                    \
86:     addi s8, s8, 1;                                           \
        csrr s9, mcause;                                          \
        csrr s10, mepc;                                           \
        csrr s11, mtval;                                          \
        csrr s7, mstatus;                                         \
        li t5, CAUSE_FETCH_PAGE;                                  \
        beq s9, t5, 87f;                                          \
        li t5, CAUSE_FETCH_ACCESS;                                \
        beq s9, t5, 87f;                                          \
        addi t5, s10, 4;                                          \
        csrw mepc, t5;                                            \
        mret;                                                     \
87:     csrw mepc, ra;                                            \
        mret;                                                     \
89:     li a0, 0x7f0;                                             \
        j tv_fail_code

#define VM_S_HANDLER                                              \
        .align 6;                                                 \
vm_strap:                                                         \
        csrr t5, scause;                                          \
        bltz t5, 99f;                                             \
        addi t5, t5, -CAUSE_ECALL_U;                              \
        bnez t5, 96f;                                             \
        beqz s0, 96f;                                             \
        mv t5, s0;                                                \
        li s0, 0;                                                 \
        jr t5;                                                    \
96:     addi s5, s5, 1;                                           \
        csrr s1, scause;                                          \
        csrr s2, sepc;                                            \
        csrr s3, stval;                                           \
        csrr s4, sstatus;                                         \
        li t5, CAUSE_FETCH_PAGE;                                  \
        beq s1, t5, 97f;                                          \
        li t5, CAUSE_FETCH_ACCESS;                                \
        beq s1, t5, 97f;                                          \
        addi t5, s2, 4;                                           \
        csrw sepc, t5;                                            \
        sret;                                                     \
97:     csrw sepc, ra;                                            \
        sret;                                                     \
99:     li a0, 0x7f1;                                             \
        j tv_fail_code

/* Checks on the records: one M (S) fault with this cause, xepc at label, xtval = value. */
#define CHECK_MFAULT(n, cause, epc_label, tval)                   \
        CHECK_MTRAP(n, cause, epc_label);                         \
        TV_CHECK_REG(n, s11, tval)

#define CHECK_SFAULT(n, cause, epc_label, tval)                   \
        CHECK_STRAP(n, cause, epc_label);                         \
        TV_CHECK_REG(n, s3, tval)

#endif
