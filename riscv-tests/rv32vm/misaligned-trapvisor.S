# trapvisor-specific (run with `test --misaligned complete`, the default): the hart completes
# misaligned loads/stores itself byte by byte, so one that crosses from a mapped page into an
# unmapped one raises a page fault whose stval is the first faulting byte's address (the start
# of the unmapped page). The privileged spec (1.12, 3.1.16 / 4.1.9) lets xtval be either the
# original VA or the VA of the faulting part, so QEMU may report another address: not a spec check.
# From S, page faults delegated to S.
.option norvc
#include "vm_macros.h"
#define PF_DELEG ((1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE))
TV_BEGIN
        SET_MTVEC(vm_mtrap)
        SET_STVEC(vm_strap)
        li t0, PF_DELEG
        csrw medeleg, t0
        csrw mie, zero
        li s6, 0
        li s0, 0
        VM_INIT
        MAP_TVA(1, 1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        MAP_TVA(2, 2, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        LA_PAGE(t0, 1)
        li t1, 0xaabbccdd
        li t2, 0xffc
        add t0, t0, t2
        sw t1, 0(t0)
        VM_ENABLE
        ENTER_S(in_s)
in_s:
        TRAP_CLEAR
        li a1, TVA(1) + 0xffe                   # both pages mapped: completed
        lw a2, 0(a1)
        CHECK_NO_TRAP(1)
        TV_CHECK_REG(2, a2, 0x8067aabb)         # bb aa | 67 80 (`ret` at the start of page 2)
        la t1, pt_test                          # unmap TVA(2)
        sw zero, 8(t1)
        sfence.vma
        TRAP_CLEAR
1:      lw a2, 0(a1)
        CHECK_SFAULT(3, CAUSE_LOAD_PAGE, 1b, TVA(2))
        TRAP_CLEAR
        li a1, TVA(1) + 0xfff
1:      lh a2, 0(a1)
        CHECK_SFAULT(4, CAUSE_LOAD_PAGE, 1b, TVA(2))
        TRAP_CLEAR
        li a1, TVA(1) + 0xffd
1:      sw a1, 0(a1)
        CHECK_SFAULT(5, CAUSE_STORE_PAGE, 1b, TVA(2))
        TRAP_CLEAR                              # the first page unmapped: its first byte faults
        li a1, TVA(1) - 2
1:      lw a2, 0(a1)
        CHECK_SFAULT(6, CAUSE_LOAD_PAGE, 1b, TVA(1) - 2)
        TRAP_CLEAR                              # read-only second page: the store faults there
        LA_PAGE(t1, 2)
        MAKE_PTE(t0, t1, PTE_V | PTE_R | PTE_A | PTE_D)
        la t1, pt_test
        sw t0, 8(t1)
        sfence.vma
        li a1, TVA(1) + 0xffe
1:      sw a1, 0(a1)
        CHECK_SFAULT(7, CAUSE_STORE_PAGE, 1b, TVA(2))
        TRAP_CLEAR
        lw a2, 0(a1)                            # the load still works
        CHECK_NO_TRAP(8)
        TV_CHECK_REG(8, a2, 0x8067aabb)
        la s6, done
        ecall
done:
        csrw satp, zero
        sfence.vma
        TV_PASS

        .text
VM_M_HANDLER
VM_S_HANDLER
U_CODE_BEGIN
U_CODE_END
TV_END
VM_DATA
