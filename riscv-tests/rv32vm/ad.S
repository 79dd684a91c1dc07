# Sv32 accessed / dirty bits, updated by the hart (privileged 1.12, 4.3.1 and 4.3.2 step 7, the
# "set pte.a / pte.d" option; no page fault for A=0 or D=0): a load or fetch sets A, a store sets
# A and D; the PTE is read back from memory. A store after a load (translation possibly cached
# with D=0) still sets D. An access that page-faults (step 5) updates nothing. Superpage leaves
# and U-mode accesses too.
.option norvc
#include "vm_macros.h"
#define RW_CLEAN (PTE_V | PTE_R | PTE_W)
TV_BEGIN
        SET_MTVEC(vm_mtrap)
        csrw medeleg, zero
        csrw mie, zero
        li s6, 0
        VM_INIT
        MAP_TVA(1, 1, RW_CLEAN)
        MAP_TVA(2, 2, RW_CLEAN)
        MAP_TVA(3, 3, PTE_V | PTE_R | PTE_X)
        MAP_TVA(4, 4, PTE_V | PTE_R)
        MAP_TVA(5, 5, PTE_V | PTE_R | PTE_W | PTE_U)
        MAP_TVA(6, 6, PTE_V | PTE_X)
        # root[0x302] (VA 0xc0800000): R|W superpage -> PA 0x80000000, A = D = 0
        la t1, pt_root
        li t0, 0x302 * 4
        add t1, t1, t0
        li t0, (0x80000000 >> 2) | PTE_V | PTE_R | PTE_W
        sw t0, 0(t1)
        VM_ENABLE
        ENTER_S(in_s)
in_s:
        TRAP_CLEAR
        GET_TVA_PTE(a0, 1)                      # untouched so far
        CHECK_MASKED(1, a0, PTE_A | PTE_D, 0)
        li a1, TVA(1) + 4
        lw a2, 0(a1)                            # load: A
        GET_TVA_PTE(a0, 1)
        CHECK_MASKED(2, a0, PTE_A | PTE_D, PTE_A)
        sw a2, 8(a1)                            # then a store: D
        GET_TVA_PTE(a0, 1)
        CHECK_MASKED(3, a0, PTE_A | PTE_D | 0xff, RW_CLEAN | PTE_A | PTE_D)
        LA_PAGE(t1, 1)                          # other bits and the PPN untouched
        srli t1, t1, 2
        srli a0, a0, 10
        slli a0, a0, 10
        TV_CHECK_EQ(4, a0, t1)

        li a1, TVA(2) + 0x20                    # a store first: A and D together
        sw a1, 0(a1)
        GET_TVA_PTE(a0, 2)
        CHECK_MASKED(5, a0, PTE_A | PTE_D, PTE_A | PTE_D)

        li a1, TVA(3)                           # a fetch: A only
        jalr ra, 0(a1)
        GET_TVA_PTE(a0, 3)
        CHECK_MASKED(6, a0, PTE_A | PTE_D, PTE_A)
        CHECK_NO_TRAP(7)

        # faulting accesses update nothing
        li a1, TVA(4) + 4                       # store to a read-only page
1:      sw a1, 0(a1)
        CHECK_MFAULT(10, CAUSE_STORE_PAGE, 1b, TVA(4) + 4)
        GET_TVA_PTE(a0, 4)
        CHECK_MASKED(11, a0, PTE_A | PTE_D, 0)
        TRAP_CLEAR
        li a1, TVA(6) + 4                       # load from an execute-only page (MXR=0)
1:      lw a2, 0(a1)
        CHECK_MFAULT(12, CAUSE_LOAD_PAGE, 1b, TVA(6) + 4)
        GET_TVA_PTE(a0, 6)
        CHECK_MASKED(13, a0, PTE_A | PTE_D, 0)
        TRAP_CLEAR
        li a1, TVA(5) + 4                       # S load from a U page without SUM
1:      lw a2, 0(a1)
        CHECK_MFAULT(14, CAUSE_LOAD_PAGE, 1b, TVA(5) + 4)
        GET_TVA_PTE(a0, 5)
        CHECK_MASKED(15, a0, PTE_A | PTE_D, 0)
        TRAP_CLEAR
        li a1, TVA(4) + 4                       # a good load from the read-only page: A, not D
        lw a2, 0(a1)
        CHECK_NO_TRAP(16)
        GET_TVA_PTE(a0, 4)
        CHECK_MASKED(17, a0, PTE_A | PTE_D, PTE_A)

        # superpage leaf: load sets A, store sets D
        la t1, pt_root
        li t0, 0x302 * 4
        add s0, t1, t0                          # s0 = &root[0x302] (no S handler here)
        LA_PAGE(a1, 7)
        li t0, 0xc0800000 - 0x80000000
        add a1, a1, t0
        lw a2, 4(a1)
        TV_CHECK_REG(20, a2, VM_MARK(7))
        lw a0, 0(s0)
        CHECK_MASKED(21, a0, PTE_A | PTE_D, PTE_A)
        sw a2, 8(a1)
        lw a0, 0(s0)
        CHECK_MASKED(22, a0, PTE_A | PTE_D, PTE_A | PTE_D)
        CHECK_NO_TRAP(23)

        # U-mode store to a U page: A and D
        la s6, u_done
        li t0, MSTATUS_SPP
        csrc sstatus, t0
        la t0, u_code
        csrw sepc, t0
        sret
u_done:
        CHECK_NO_TRAP(30)
        GET_TVA_PTE(a0, 5)
        CHECK_MASKED(31, a0, PTE_A | PTE_D, PTE_A | PTE_D)
        LA_PAGE(t0, 5)
        lw t1, 0x40(t0)
        TV_CHECK_REG(32, t1, 0x4321)
        csrw satp, zero
        sfence.vma
        TV_PASS

        .text
VM_M_HANDLER

U_CODE_BEGIN
u_code:
        li a1, TVA(5) + 0x40
        li a2, 0x4321
        sw a2, 0(a1)
        ecall
U_CODE_END

TV_END
VM_DATA
