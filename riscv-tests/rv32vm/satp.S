# satp writes switch address spaces (privileged 1.12, 4.1.11, 4.2.1): two root tables map TVA(1)
# to different pages; S-mode writes satp (ASID 1 / ASID 2, tables fenced before) and each load
# sees its own space; reusing an ASID for the other table is fenced with SFENCE.VMA x0, asid;
# satp reads back MODE/ASID/PPN (9 ASID bits); MODE=Bare from S turns translation off.
.option norvc
#include "vm_macros.h"
TV_BEGIN
        SET_MTVEC(vm_mtrap)
        csrw medeleg, zero
        csrw mie, zero
        li s6, 0
        VM_INIT
        MAP_TVA(1, 1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        # pt_root2 = pt_root with root[0x40] -> pt_test2; pt_test2[1] -> page 5
        la t0, pt_root
        la t1, pt_root2
        li t2, 1024
1:      lw t3, 0(t0)
        sw t3, 0(t1)
        addi t0, t0, 4
        addi t1, t1, 4
        addi t2, t2, -1
        bnez t2, 1b
        la t0, pt_test2
        MAKE_PTE(t2, t0, PTE_V)
        la t1, pt_root2
        sw t2, 0x40 * 4(t1)
        LA_PAGE(t1, 5)
        MAKE_PTE(t2, t1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        sw t2, 4(t0)
        # satp fields read back; 9 ASID bits
        la t0, pt_root
        srli t0, t0, 12
        li t1, SATP_SV32 | (0x1ff << SATP_ASID_SHIFT)
        or a0, t0, t1
        csrw satp, a0
        csrr a1, satp
        TV_CHECK_EQ(1, a1, a0)
        # a0 / a1 = satp values for (pt_root, ASID 1) and (pt_root2, ASID 2)
        la t0, pt_root
        srli t0, t0, 12
        li t1, SATP_SV32 | (1 << SATP_ASID_SHIFT)
        or a0, t0, t1
        la t0, pt_root2
        srli t0, t0, 12
        li t1, SATP_SV32 | (2 << SATP_ASID_SHIFT)
        or a1, t0, t1
        csrw satp, a0
        sfence.vma
        ENTER_S(in_s)
in_s:
        TRAP_CLEAR
        li a3, TVA(1)
        lw a2, 4(a3)
        TV_CHECK_REG(2, a2, VM_MARK(1))
        csrw satp, a1                           # ASID 2: never used, tables already fenced
        lw a2, 4(a3)
        TV_CHECK_REG(3, a2, VM_MARK(5))
        csrr t0, satp
        TV_CHECK_EQ(4, t0, a1)
        csrw satp, a0                           # back to ASID 1
        lw a2, 4(a3)
        TV_CHECK_REG(5, a2, VM_MARK(1))
        csrw satp, a1
        lw a2, 4(a3)
        TV_CHECK_REG(6, a2, VM_MARK(5))
        # ASID 1 reused for pt_root2: fence that ASID
        li t1, 1 << SATP_ASID_SHIFT
        li t2, 2 << SATP_ASID_SHIFT
        sub t0, a1, t2
        add t0, t0, t1
        csrw satp, t0
        li t1, 1
        sfence.vma zero, t1
        lw a2, 4(a3)
        TV_CHECK_REG(7, a2, VM_MARK(5))
        # ... and back to pt_root under ASID 1 again
        csrw satp, a0
        li t1, 1
        sfence.vma zero, t1
        lw a2, 4(a3)
        TV_CHECK_REG(8, a2, VM_MARK(1))
        # the second table's own change is seen after switching to it and fencing
        la t0, pt_test2
        LA_PAGE(t1, 6)
        MAKE_PTE(t2, t1, PTE_V | PTE_R | PTE_A | PTE_D)
        sw t2, 4(t0)
        csrw satp, a1
        li t1, 2
        sfence.vma zero, t1
        lw a2, 4(a3)
        TV_CHECK_REG(9, a2, VM_MARK(6))
        CHECK_NO_TRAP(10)
        # MODE = Bare from S: no translation (code and data run at their physical addresses)
        csrw satp, zero
        sfence.vma
        la t0, bare_word
        lw a2, 0(t0)
        TV_CHECK_REG(11, a2, 0x0bae0bae)
        csrr t0, satp
        TV_CHECK_REG(12, t0, 0)
        CHECK_NO_TRAP(13)
        TV_PASS

        .text
VM_M_HANDLER
U_CODE_BEGIN
U_CODE_END
        .data
bare_word: .word 0x0bae0bae
TV_END
VM_DATA
