# AMOs and SC raise store/AMO page faults (cause 15), never load page faults: privileged 1.12,
# 4.3.1 ("Attempting to execute a store, store-conditional, or AMO instruction whose effective
# address lies within a page without write permissions raises a store page-fault exception";
# "AMOs never raise load page-fault exceptions"). LR is a load (13). Named -trapvisor because
# QEMU 7.2 reports a load page fault (13) for an AMO to an unmapped page (a QEMU bug).
.option norvc
#include "vm_macros.h"
TV_BEGIN
        SET_MTVEC(vm_mtrap)
        csrw medeleg, zero
        csrw mie, zero
        li s6, 0
        VM_INIT
        MAP_TVA(2, 2, PTE_V | PTE_R | PTE_A | PTE_D)        # read-only
        MAP_TVA(3, 3, PTE_V | PTE_X | PTE_A | PTE_D)        # neither readable nor writable
        MAP_TVA(4, 4, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        VM_ENABLE
        ENTER_S(in_s)
in_s:
        TRAP_CLEAR
        li a1, TVA(1) + 8                       # unmapped
1:      amoadd.w a2, a1, (a1)
        CHECK_MFAULT(1, CAUSE_STORE_PAGE, 1b, TVA(1) + 8)
        TRAP_CLEAR
1:      amoswap.w a2, a1, (a1)
        CHECK_MFAULT(2, CAUSE_STORE_PAGE, 1b, TVA(1) + 8)
        TRAP_CLEAR
1:      lr.w a2, (a1)
        CHECK_MFAULT(3, CAUSE_LOAD_PAGE, 1b, TVA(1) + 8)
        TRAP_CLEAR
        li a1, TVA(2) + 4                       # read-only: AMO / SC fault as stores
1:      amoor.w a2, a1, (a1)
        CHECK_MFAULT(4, CAUSE_STORE_PAGE, 1b, TVA(2) + 4)
        TRAP_CLEAR
        lr.w a2, (a1)                           # LR works (readable)
        CHECK_NO_TRAP(5)
        TV_CHECK_REG(5, a2, VM_MARK(2))
1:      sc.w a3, a1, (a1)
        CHECK_MFAULT(6, CAUSE_STORE_PAGE, 1b, TVA(2) + 4)
        TRAP_CLEAR
        li a1, TVA(3) + 4                       # unreadable: still a store fault
1:      amomax.w a2, a1, (a1)
        CHECK_MFAULT(7, CAUSE_STORE_PAGE, 1b, TVA(3) + 4)
        TRAP_CLEAR
        li a1, TVA(4) + 4                       # read-write: works
        li a3, 1
        amoadd.w a2, a3, (a1)
        CHECK_NO_TRAP(8)
        TV_CHECK_REG(8, a2, VM_MARK(4))
        lw a2, 0(a1)
        TV_CHECK_REG(9, a2, VM_MARK(4) + 1)
        la s6, done
        ecall
done:
        csrw satp, zero
        sfence.vma
        TV_PASS

        .text
VM_M_HANDLER
U_CODE_BEGIN
U_CODE_END
TV_END
VM_DATA
