# Sv32 4 MiB superpages (privileged 1.12, 4.3.2 steps 4 and 6, 4.3.1): a leaf in the root table maps
# VA[21:0] straight through; an aligned superpage works for load, store and fetch (S), and a U one
# for U; a superpage whose PPN[0] != 0 is misaligned: page fault (12/13/15, mtval = VA).
.option norvc
#include "vm_macros.h"
#define SVA_OF(label) (SVA + ((label) - 0x80000000))
TV_BEGIN
        SET_MTVEC(vm_mtrap)
        csrw medeleg, zero
        csrw mie, zero
        li s6, 0
        VM_INIT
        # root[0x302] (VA 0xc0800000): U|R|W superpage -> PA 0x80000000
        la t1, pt_root
        li t0, 0x302 * 4
        add t1, t1, t0
        li t0, (0x80000000 >> 2) | PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D
        sw t0, 0(t1)
        VM_ENABLE
        ENTER_S(in_s)
in_s:
        # ---- aligned superpage: load / store / fetch through VA 0xc0000000 + (PA - 0x80000000)
        TRAP_CLEAR
        la a1, sp_data
        li t0, SVA - 0x80000000
        add a1, a1, t0
        lw a2, 0(a1)
        CHECK_NO_TRAP(1)
        TV_CHECK_REG(2, a2, 0x12345678)
        li a3, 0x0badcafe
        sw a3, 4(a1)
        CHECK_NO_TRAP(3)
        la t0, sp_data                          # seen through the identity mapping
        lw t1, 4(t0)
        TV_CHECK_REG(4, t1, 0x0badcafe)
        la t0, sp_func
        li t1, SVA - 0x80000000
        add t0, t0, t1
        li a2, 0
        jalr ra, 0(t0)                          # runs sp_func at its superpage alias
        CHECK_NO_TRAP(5)
        TV_CHECK_REG(6, a2, 0x77)
        # a far offset inside the 4 MiB page (a test page: vm_page(3), word 1)
        LA_PAGE(a1, 3)
        li t0, SVA - 0x80000000 + 4
        add a1, a1, t0
        lw a2, 0(a1)
        TV_CHECK_REG(7, a2, VM_MARK(3))

        # ---- misaligned superpage (PPN[0] = 1): every access faults, mtval = VA
        TRAP_CLEAR
        li a1, SVA_MIS + 0x123454
1:      lw a2, 0(a1)
        CHECK_MFAULT(10, CAUSE_LOAD_PAGE, 1b, SVA_MIS + 0x123454)
        TV_CHECK_REG(11, a2, VM_MARK(3))        # not loaded
        TRAP_CLEAR
1:      sw a1, 0(a1)
        CHECK_MFAULT(12, CAUSE_STORE_PAGE, 1b, SVA_MIS + 0x123454)
        TRAP_CLEAR
        li a1, SVA_MIS + 0x2000
        jalr ra, 0(a1)
        TV_CHECK_REG(13, s8, 1)
        TV_CHECK_REG(13, s9, CAUSE_FETCH_PAGE)
        TV_CHECK_REG(13, s10, SVA_MIS + 0x2000)
        TV_CHECK_REG(13, s11, SVA_MIS + 0x2000)

        # ---- U superpage from S: load needs SUM
        TRAP_CLEAR
        la a1, sp_data
        li t0, 0xc0800000 - 0x80000000
        add a1, a1, t0
1:      lw a2, 0(a1)
        TV_CHECK_REG(20, s8, 1)
        TV_CHECK_REG(20, s9, CAUSE_LOAD_PAGE)
        TV_CHECK_EQ(20, s11, a1)
        li t0, MSTATUS_SUM
        csrs sstatus, t0
        TRAP_CLEAR
        lw a2, 0(a1)
        CHECK_NO_TRAP(21)
        TV_CHECK_REG(21, a2, 0x12345678)
        li t0, MSTATUS_SUM
        csrc sstatus, t0

        # ---- from U: the U superpage works, the S superpage faults
        la s6, u_done
        li t0, MSTATUS_SPP
        csrc sstatus, t0
        la t0, u_code
        csrw sepc, t0
        sret
u_done:                                         # M
        TV_CHECK_REG(30, a4, 0x12345678)        # load through 0xc0800000..
        TV_CHECK_REG(31, s8, 1)                 # then the S superpage
        TV_CHECK_REG(31, s9, CAUSE_LOAD_PAGE)
        TV_CHECK_EQ(31, s11, a5)
        csrw satp, zero
        sfence.vma
        TV_PASS

sp_func:
        li a2, 0x77
        ret

        .text
VM_M_HANDLER

U_CODE_BEGIN
u_code:
        TRAP_CLEAR
        la a1, sp_data
        li t0, 0xc0800000 - 0x80000000
        add a1, a1, t0
        lw a4, 0(a1)
        la a5, sp_data
        li t0, SVA - 0x80000000
        add a5, a5, t0
        lw a2, 0(a5)
        ecall
U_CODE_END

        .data
        .align 4
sp_data:
        .word 0x12345678
        .word 0

TV_END
VM_DATA
