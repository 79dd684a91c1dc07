# SFENCE.VMA after a PTE change (privileged 1.12, 4.2.1): S-mode software rewrites a leaf PTE and
# executes SFENCE.VMA (rs1 = the VA, rs1 = rs2 = x0, rs2 = the ASID, and ASID 5 in satp); the next
# access uses the new PTE: another page, invalid, more or fewer permissions, a superpage leaf.
.option norvc
#include "vm_macros.h"
TV_BEGIN
        SET_MTVEC(vm_mtrap)
        csrw medeleg, zero
        csrw mie, zero
        li s6, 0
        VM_INIT
        MAP_TVA(1, 1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        li t1, 0x80400000                       # a marker for the superpage check
        li t2, 0x600df00d
        sw t2, 0x10(t1)
        VM_ENABLE
        ENTER_S(in_s)
in_s:
        la s0, pt_test                          # s0 = pt_test (no S handler in this file)
        TRAP_CLEAR
        li a1, TVA(1)
        lw a2, 4(a1)
        TV_CHECK_REG(1, a2, VM_MARK(1))
        # ---- TVA(1) -> page 2, sfence.vma with the address
        LA_PAGE(t1, 2)
        MAKE_PTE(t0, t1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        sw t0, 4(s0)
        sfence.vma a1, zero
        lw a2, 4(a1)
        TV_CHECK_REG(2, a2, VM_MARK(2))
        # ---- invalid, sfence.vma of everything
        sw zero, 4(s0)
        sfence.vma
        TRAP_CLEAR
1:      lw a2, 4(a1)
        CHECK_MFAULT(3, CAUSE_LOAD_PAGE, 1b, TVA(1) + 4)
        # ---- valid again (page 3), read-only: load works, store faults
        LA_PAGE(t1, 3)
        MAKE_PTE(t0, t1, PTE_V | PTE_R | PTE_A | PTE_D)
        sw t0, 4(s0)
        sfence.vma a1, zero
        TRAP_CLEAR
        lw a2, 4(a1)
        CHECK_NO_TRAP(4)
        TV_CHECK_REG(4, a2, VM_MARK(3))
1:      sw a2, 8(a1)
        CHECK_MFAULT(5, CAUSE_STORE_PAGE, 1b, TVA(1) + 8)
        # ---- add W: the store now works
        ori t0, t0, PTE_W
        sw t0, 4(s0)
        sfence.vma a1, zero
        TRAP_CLEAR
        li a2, 0x5555
        sw a2, 8(a1)
        CHECK_NO_TRAP(6)
        LA_PAGE(t1, 3)
        lw t2, 8(t1)
        TV_CHECK_REG(7, t2, 0x5555)
        # ---- remove R and W (execute-only): the load now faults
        LA_PAGE(t1, 3)
        MAKE_PTE(t0, t1, PTE_V | PTE_X | PTE_A | PTE_D)
        sw t0, 4(s0)
        sfence.vma a1, zero
        TRAP_CLEAR
1:      lw a2, 4(a1)
        CHECK_MFAULT(8, CAUSE_LOAD_PAGE, 1b, TVA(1) + 4)
        TRAP_CLEAR
        jalr ra, 0(a1)                          # and it executes
        CHECK_NO_TRAP(9)

        # ---- a superpage leaf (root[0x300]) re-pointed 4 MiB higher (PA 0x80400000, unused RAM):
        # (marker written there in M at the start), read back through the superpage
        li a1, SVA + 0x10
        lw a2, 0(a1)                            # old mapping: PA 0x80000010
        li t1, 0x80000010
        lw t2, 0(t1)
        TV_CHECK_EQ(10, a2, t2)
        la t1, pt_root
        li t0, 0x300 * 4
        add t1, t1, t0
        li t0, (0x80400000 >> 2) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        sw t0, 0(t1)
        li t2, SVA + 0x3ff000                   # any address inside the superpage names it
        sfence.vma t2, zero
        lw a2, 0(a1)
        TV_CHECK_REG(11, a2, 0x600df00d)

        # ---- ASID 5: rewrite and fence by ASID only (rs1 = x0, rs2 = asid)
        la s6, in_m
        ecall
in_m:
        SATP_SET(pt_root, 5)
        ENTER_S(in_s2)
in_s2:
        csrr t0, satp
        srli t0, t0, SATP_ASID_SHIFT
        andi t0, t0, 0x1ff
        TV_CHECK_REG(20, t0, 5)
        li a1, TVA(1)
        LA_PAGE(t1, 4)
        MAKE_PTE(t0, t1, PTE_V | PTE_R | PTE_A | PTE_D)
        sw t0, 4(s0)
        sfence.vma zero, zero
        lw a2, 4(a1)
        TV_CHECK_REG(21, a2, VM_MARK(4))
        LA_PAGE(t1, 5)
        MAKE_PTE(t0, t1, PTE_V | PTE_R | PTE_A | PTE_D)
        sw t0, 4(s0)
        li t2, 5
        sfence.vma zero, t2
        lw a2, 4(a1)
        TV_CHECK_REG(22, a2, VM_MARK(5))
        LA_PAGE(t1, 6)                          # both operands
        MAKE_PTE(t0, t1, PTE_V | PTE_R | PTE_A | PTE_D)
        sw t0, 4(s0)
        sfence.vma a1, t2
        lw a2, 4(a1)
        TV_CHECK_REG(23, a2, VM_MARK(6))
        # a global leaf (G=1) changed, fenced by address (global mappings are fenced by rs1 != x0)
        LA_PAGE(t1, 7)
        MAKE_PTE(t0, t1, PTE_V | PTE_R | PTE_G | PTE_A | PTE_D)
        sw t0, 4(s0)
        sfence.vma a1, zero
        lw a2, 4(a1)
        TV_CHECK_REG(24, a2, VM_MARK(7))
        LA_PAGE(t1, 1)
        MAKE_PTE(t0, t1, PTE_V | PTE_R | PTE_G | PTE_A | PTE_D)
        sw t0, 4(s0)
        sfence.vma a1, zero
        lw a2, 4(a1)
        TV_CHECK_REG(25, a2, VM_MARK(1))
        CHECK_NO_TRAP(26)
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
