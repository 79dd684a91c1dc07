# Sv32 page faults delegated to S through medeleg bits 12, 13, 15 (privileged 1.12, 3.1.8, 4.1.9):
# from S and from U they reach stvec with scause 12/13/15, sepc = the instruction (the target for a
# fetch), stval = the faulting VA, sstatus.SPP = the faulting mode; the M handler never runs.
# With a bit cleared again that cause goes to M (mtval = VA), the others still go to S.
.option norvc
#include "vm_macros.h"
#define PF_DELEG ((1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE))
TV_BEGIN
        SET_MTVEC(vm_mtrap)
        SET_STVEC(vm_strap)
        csrw mie, zero
        csrw mideleg, zero
        li t0, PF_DELEG
        csrw medeleg, t0
        csrr t1, medeleg
        CHECK_MASKED(1, t1, PF_DELEG, PF_DELEG)
        li t0, 1 << CAUSE_ECALL_U               # U comes back to S by ecall (s0)
        csrs medeleg, t0
        li s6, 0
        li s0, 0
        VM_INIT
        VM_ENABLE
        MAP_TVA(2, 2, PTE_V | PTE_R | PTE_A | PTE_D)        # read-only S page
        MAP_TVA(3, 3, PTE_V | PTE_R | PTE_U | PTE_A | PTE_D) # read-only U page
        ENTER_S(in_s)
in_s:
        TRAP_CLEAR
        li a1, TVA(1) + 0x345                   # unmapped
1:      lb a2, 0(a1)
        CHECK_SFAULT(2, CAUSE_LOAD_PAGE, 1b, TVA(1) + 0x345)
        CHECK_MASKED(3, s4, MSTATUS_SPP, MSTATUS_SPP)       # from S
        TRAP_CLEAR
        li a1, TVA(2) + 0x10                    # read-only
1:      sw a1, 0(a1)
        CHECK_SFAULT(4, CAUSE_STORE_PAGE, 1b, TVA(2) + 0x10)
        TRAP_CLEAR
        li a1, TVA(2)                           # not executable
        jalr ra, 0(a1)
        TV_CHECK_REG(5, s8, 0)
        TV_CHECK_REG(5, s5, 1)
        TV_CHECK_REG(5, s1, CAUSE_FETCH_PAGE)
        TV_CHECK_REG(5, s2, TVA(2))
        TV_CHECK_REG(5, s3, TVA(2))
        TRAP_CLEAR
        li a1, TVA(3) + 4                       # U page from S without SUM
1:      lw a2, 0(a1)
        CHECK_SFAULT(6, CAUSE_LOAD_PAGE, 1b, TVA(3) + 4)
        TRAP_CLEAR
        li a1, TVA(2) + 4                       # and a good load: no trap
        lw a2, 0(a1)
        CHECK_NO_TRAP(7)
        TV_CHECK_REG(7, a2, VM_MARK(2))

        # ---- from U
        la s0, u_back
        li t0, MSTATUS_SPP
        csrc sstatus, t0
        la t0, u_code
        csrw sepc, t0
        sret
u_back:                                         # S again
        TV_CHECK_REG(10, s5, 3)                 # three faults in U
        TV_CHECK_REG(10, s8, 0)
        TV_CHECK_REG(11, a4, CAUSE_LOAD_PAGE)
        TV_CHECK_REG(12, a5, TVA(2) + 8)        # S page from U
        CHECK_LABEL(13, a6, u_ld)
        CHECK_MASKED(14, a7, MSTATUS_SPP, 0)    # from U
        TV_CHECK_REG(15, s1, CAUSE_STORE_PAGE)  # last: store to the read-only U page
        TV_CHECK_REG(16, s3, TVA(3) + 0x20)
        CHECK_LABEL(17, s2, u_st)
        TV_CHECK_REG(18, t3, CAUSE_FETCH_PAGE)  # middle: fetch from a U page without X
        TV_CHECK_REG(19, t4, TVA(3))

        # ---- clear the load bit: load page faults go to M, stores still to S
        la s6, in_m
        ecall                                   # from S: not delegated -> M at in_m
in_m:
        li t0, 1 << CAUSE_LOAD_PAGE
        csrc medeleg, t0
        ENTER_S(in_s2)
in_s2:
        TRAP_CLEAR
        li a1, TVA(1) + 0x40
1:      lw a2, 0(a1)
        CHECK_MFAULT(20, CAUSE_LOAD_PAGE, 1b, TVA(1) + 0x40)
        TV_CHECK_REG(21, s5, 0)
        TRAP_CLEAR
1:      sw a2, 0(a1)
        CHECK_SFAULT(22, CAUSE_STORE_PAGE, 1b, TVA(1) + 0x40)
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
u_code:
        li a1, TVA(2) + 8
u_ld:   lw a2, 0(a1)
        mv a4, s1
        mv a5, s3
        mv a6, s2
        mv a7, s4
        li a1, TVA(3)
        jalr ra, 0(a1)
        mv t3, s1
        mv t4, s3
        li a1, TVA(3) + 0x20
u_st:   sw a1, 0(a1)
        ecall
U_CODE_END

TV_END
VM_DATA
