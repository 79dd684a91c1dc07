# Restart after a page fault (privileged 1.12, 4.3.2; xepc = the faulting instruction, 3.1.14): the
# handler maps the faulting page (from xtval) and returns to the same pc with mret / sret, and the
# access then succeeds. Load, store and fetch from S with the M handler; load, store and fetch from U
# with the S handler (page faults delegated). TVA(k) is always mapped to vm_page(k).
.option norvc
#include "vm_macros.h"
#define PF_DELEG ((1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE))
TV_BEGIN
        SET_MTVEC(fix_mtrap)
        SET_STVEC(fix_strap)
        csrw medeleg, zero
        csrw mie, zero
        li s6, 0
        li s0, 0
        VM_INIT
        LA_PAGE(t0, 6)                          # vm_page(6)+0x10: li a4, 0x77; ret
        la t1, code_li
        lw t2, 0(t1)
        sw t2, 0x10(t0)
        li t2, INSN_RET
        sw t2, 0x14(t0)
        fence.i
        VM_ENABLE
        ENTER_S(in_s)
code_li: li a4, 0x77
in_s:
        TRAP_CLEAR
        li a1, TVA(1) + 4
1:      lw a2, 0(a1)
        TV_CHECK_REG(1, s8, 1)                  # one fault, then the retried load worked
        TV_CHECK_REG(1, s9, CAUSE_LOAD_PAGE)
        CHECK_LABEL(1, s10, 1b)
        TV_CHECK_REG(2, a2, VM_MARK(1))
        TRAP_CLEAR
        li a1, TVA(2) + 0x30
        li a3, 0x2468
1:      sw a3, 0(a1)
        CHECK_MTRAP(3, CAUSE_STORE_PAGE, 1b)
        LA_PAGE(t0, 2)
        lw t1, 0x30(t0)
        TV_CHECK_REG(4, t1, 0x2468)
        TRAP_CLEAR
        li a1, TVA(3)
        li a2, 0
        jalr ra, 0(a1)                          # fetch fault, mapped, refetched: `ret` runs
        TV_CHECK_REG(5, s8, 1)
        TV_CHECK_REG(5, s9, CAUSE_FETCH_PAGE)
        TV_CHECK_REG(5, s10, TVA(3))
        # the PTEs the handler wrote
        GET_TVA_PTE(t0, 3)
        CHECK_MASKED(6, t0, 0x1f, PTE_V | PTE_R | PTE_W | PTE_X)
        # ---- now with page faults delegated to S, from U
        la s6, in_m
        ecall
in_m:
        li t0, PF_DELEG | (1 << CAUSE_ECALL_U)
        csrw medeleg, t0
        ENTER_S(in_s2)
in_s2:
        TRAP_CLEAR
        la s0, u_back
        li t0, MSTATUS_SPP
        csrc sstatus, t0
        la t0, u_code
        csrw sepc, t0
        sret
u_back:
        TV_CHECK_REG(10, s8, 0)
        TV_CHECK_REG(10, s5, 3)                 # three faults, each retried
        TV_CHECK_REG(11, a2, VM_MARK(4))
        LA_PAGE(t0, 5)
        lw t1, 0x40(t0)
        TV_CHECK_REG(12, t1, 0x9999)
        TV_CHECK_REG(13, a4, 0x77)              # set by the code fetched from TVA(6)
        GET_TVA_PTE(t0, 6)
        CHECK_MASKED(14, t0, 0x1f, PTE_V | PTE_R | PTE_W | PTE_X | PTE_U)
        la s6, done
        ecall
done:
        csrw satp, zero
        sfence.vma
        TV_PASS

# M handler: a page fault maps TVA(k) -> vm_page(k) with RWX (and U if from U), then mret to the same
# pc; ecall with s6 continues at s6. Uses t3, t4, t5 (the code here keeps nothing in them).
        .align 6
fix_mtrap:
        csrr t5, mcause
        li t4, CAUSE_ECALL_S
        bne t5, t4, 1f
        mv t5, s6
        li s6, 0
        jr t5
1:      addi s8, s8, 1
        mv s9, t5
        csrr s10, mepc
        csrr s11, mtval
        li t4, 16
        bgeu t5, t4, 9f
        li t4, (1 << 12) | (1 << 13) | (1 << 15)
        srl t4, t4, t5
        andi t4, t4, 1
        beqz t4, 9f
        srli t5, s11, 12                        # k = VA[21:12]
        andi t5, t5, 0x3ff
        slli t4, t5, 12                         # PA of vm_page(k)
        la t3, vm_pages
        add t4, t4, t3
        srli t4, t4, 12
        slli t4, t4, 10
        ori t4, t4, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
        la t3, pt_test
        slli t5, t5, 2
        add t3, t3, t5
        sw t4, 0(t3)
        sfence.vma
        mret
9:      li a0, 0x7f2
        j tv_fail_code

# S handler: the same with U set, sret; ecall from U continues at s0.
        .align 6
fix_strap:
        csrr t5, scause
        li t4, CAUSE_ECALL_U
        bne t5, t4, 1f
        mv t5, s0
        li s0, 0
        jr t5
1:      addi s5, s5, 1
        mv s1, t5
        csrr s2, sepc
        csrr s3, stval
        li t4, 16
        bgeu t5, t4, 9f
        li t4, (1 << 12) | (1 << 13) | (1 << 15)
        srl t4, t4, t5
        andi t4, t4, 1
        beqz t4, 9f
        srli t5, s3, 12
        andi t5, t5, 0x3ff
        slli t4, t5, 12
        la t3, vm_pages
        add t4, t4, t3
        srli t4, t4, 12
        slli t4, t4, 10
        ori t4, t4, PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D
        la t3, pt_test
        slli t5, t5, 2
        add t3, t3, t5
        sw t4, 0(t3)
        sfence.vma
        sret
9:      li a0, 0x7f3
        j tv_fail_code

U_CODE_BEGIN
u_code:
        li a1, TVA(4) + 4
        lw a2, 0(a1)
        li a1, TVA(5) + 0x40
        li a3, 0x9999
        sw a3, 0(a1)
        li a1, TVA(6) + 0x10                    # code written into vm_page(6) at start
        jalr ra, 0(a1)
        ecall
U_CODE_END

TV_END
VM_DATA
