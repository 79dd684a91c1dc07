# Sv32 page faults taken in M (medeleg = 0): causes 12 / 13 / 15, mepc, mtval = the faulting VA
# (privileged 1.12, 4.3.2 steps 3-5; 3.1.16 mtval), mstatus.MPP = the faulting mode.
# Invalid PTEs (V=0, also with every other bit set), W without R (reserved, at both levels),
# a pointer (RWX=000) at level 0, an invalid level-1 entry; from S and from U.
.option norvc
#include "vm_macros.h"
#define OFF 0x124
# S -> U: sret with SPP=U
#define ENTER_U_FROM_S                                            \
        li t0, MSTATUS_SPP; csrc sstatus, t0;                     \
        la t0, u_code; csrw sepc, t0; sret
TV_BEGIN
        SET_MTVEC(vm_mtrap)
        csrw medeleg, zero
        csrw mie, zero
        li s6, 0
        VM_INIT
        VM_ENABLE
        ENTER_S(in_s)
in_s:
        # ---- pt_test[1] = 0 (the level-1 entry is a valid pointer, level 0 invalid)
        TRAP_CLEAR
        li a1, TVA(1) + OFF
1:      lw a2, 0(a1)
        CHECK_MFAULT(1, CAUSE_LOAD_PAGE, 1b, TVA(1) + OFF)
        CHECK_MASKED(2, s7, MSTATUS_MPP, MSTATUS_MPP_S)     # taken from S
        TRAP_CLEAR
1:      sw a1, 0(a1)
        CHECK_MFAULT(3, CAUSE_STORE_PAGE, 1b, TVA(1) + OFF)
        TRAP_CLEAR
        li a1, TVA(1) + 0x7ff                   # odd byte address: mtval is exact
1:      sb a1, 0(a1)
        CHECK_MFAULT(4, CAUSE_STORE_PAGE, 1b, TVA(1) + 0x7ff)
        TRAP_CLEAR
        li a1, TVA(1) + 0x80
        jalr ra, 0(a1)                          # fetch fault: mepc = mtval = the target
        TV_CHECK_REG(5, s8, 1)
        TV_CHECK_REG(5, s9, CAUSE_FETCH_PAGE)
        TV_CHECK_REG(5, s10, TVA(1) + 0x80)
        TV_CHECK_REG(5, s11, TVA(1) + 0x80)
        # LR is a load (AMO faults are in amo-trapvisor.S: QEMU 7.2 reports them as load faults)
        TRAP_CLEAR
        li a1, TVA(1) + 8
1:      lr.w a2, (a1)
        CHECK_MFAULT(7, CAUSE_LOAD_PAGE, 1b, TVA(1) + 8)

        # ---- V=0 with every other bit set (and a real PPN): still invalid
        LA_PAGE(t1, 1)
        MAKE_PTE(t0, t1, 0xfe)
        la t1, pt_test
        sw t0, 4(t1)
        sfence.vma
        TRAP_CLEAR
        li a1, TVA(1) + 4
1:      lw a2, 0(a1)
        CHECK_MFAULT(10, CAUSE_LOAD_PAGE, 1b, TVA(1) + 4)
        TRAP_CLEAR
1:      sw a1, 0(a1)
        CHECK_MFAULT(11, CAUSE_STORE_PAGE, 1b, TVA(1) + 4)
        TRAP_CLEAR
        li a1, TVA(1)
        jalr ra, 0(a1)
        TV_CHECK_REG(12, s8, 1)
        TV_CHECK_REG(12, s9, CAUSE_FETCH_PAGE)
        TV_CHECK_REG(12, s11, TVA(1))

        # ---- W without R (reserved), with and without X: every access faults
        MAP_TVA(1, 1, PTE_V | PTE_W | PTE_A | PTE_D)
        TRAP_CLEAR
        li a1, TVA(1) + 4
1:      lw a2, 0(a1)
        CHECK_MFAULT(20, CAUSE_LOAD_PAGE, 1b, TVA(1) + 4)
        TRAP_CLEAR
1:      sw a1, 0(a1)
        CHECK_MFAULT(21, CAUSE_STORE_PAGE, 1b, TVA(1) + 4)
        MAP_TVA(1, 1, PTE_V | PTE_W | PTE_X | PTE_A | PTE_D)
        TRAP_CLEAR
        li a1, TVA(1)
        jalr ra, 0(a1)
        TV_CHECK_REG(22, s8, 1)
        TV_CHECK_REG(22, s9, CAUSE_FETCH_PAGE)
        TV_CHECK_REG(22, s11, TVA(1))
        TRAP_CLEAR
        li a1, TVA(1) + 4
1:      sw a1, 0(a1)
        CHECK_MFAULT(23, CAUSE_STORE_PAGE, 1b, TVA(1) + 4)
        LA_PAGE(t0, 1)                          # nothing was written
        lw t1, 4(t0)
        TV_CHECK_REG(24, t1, VM_MARK(1))

        # ---- a pointer (V=1, RWX=000) at level 0: page fault, even though it points at a table
        la t1, pt_test
        MAKE_PTE(t0, t1, PTE_V)
        sw t0, 4(t1)
        sfence.vma
        TRAP_CLEAR
        li a1, TVA(1) + 4
1:      lw a2, 0(a1)
        CHECK_MFAULT(30, CAUSE_LOAD_PAGE, 1b, TVA(1) + 4)
        TRAP_CLEAR
1:      sw a1, 0(a1)
        CHECK_MFAULT(31, CAUSE_STORE_PAGE, 1b, TVA(1) + 4)
        TRAP_CLEAR
        li a1, TVA(1)
        jalr ra, 0(a1)
        TV_CHECK_REG(32, s8, 1)
        TV_CHECK_REG(32, s9, CAUSE_FETCH_PAGE)
        TV_CHECK_REG(32, s11, TVA(1))

        # ---- level 1: invalid root entry (VA 0x20000000), W-only superpage (VA 0x20400000)
        TRAP_CLEAR
        li a1, 0x20000000 + 0x3ffffc
1:      lw a2, 0(a1)
        CHECK_MFAULT(40, CAUSE_LOAD_PAGE, 1b, 0x20000000 + 0x3ffffc)
        la t1, pt_root
        li t0, 0x81 * 4
        add t1, t1, t0
        li t0, (0x80000000 >> 2) | PTE_V | PTE_W | PTE_A | PTE_D
        sw t0, 0(t1)
        sfence.vma
        TRAP_CLEAR
        li a1, 0x20400000 + 0x10
1:      sw a1, 0(a1)
        CHECK_MFAULT(41, CAUSE_STORE_PAGE, 1b, 0x20400000 + 0x10)
        TRAP_CLEAR
1:      lw a2, 0(a1)
        CHECK_MFAULT(42, CAUSE_LOAD_PAGE, 1b, 0x20400000 + 0x10)

        # ---- a valid mapping works again
        MAP_TVA(1, 1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        TRAP_CLEAR
        li a1, TVA(1) + 4
        lw a2, 0(a1)
        CHECK_NO_TRAP(50)
        TV_CHECK_REG(51, a2, VM_MARK(1))

        # ---- from U: invalid page, and a page without U (cause and mtval the same way)
        la s6, u_done
        ENTER_U_FROM_S
u_done:                                         # M
        TV_CHECK_REG(60, s8, 2)                 # the two faults below, then the ecall (unrecorded)
        TV_CHECK_REG(61, a4, 1)                 # first fault: recorded by the U code
        TV_CHECK_REG(62, a5, CAUSE_LOAD_PAGE)
        TV_CHECK_REG(63, a6, TVA(7) + 0x10)
        CHECK_MASKED(64, a7, MSTATUS_MPP, 0)    # taken from U
        TV_CHECK_REG(65, s9, CAUSE_STORE_PAGE)
        TV_CHECK_REG(66, s11, TVA(1) + 4)
        CHECK_LABEL(67, s10, u_st)
        csrw satp, zero
        sfence.vma
        TV_PASS

        .text
VM_M_HANDLER

U_CODE_BEGIN
u_code:
        TRAP_CLEAR
        li a1, TVA(7) + 0x10                    # invalid (never mapped)
u_ld:   lw a2, 0(a1)
        mv a4, s8
        mv a5, s9
        mv a6, s11
        mv a7, s7
        li a1, TVA(1) + 4                       # valid, but not a U page
u_st:   sw a1, 0(a1)
        ecall
U_CODE_END

TV_END
VM_DATA
