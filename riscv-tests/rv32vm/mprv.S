# mstatus.MPRV from M (privileged 1.12, 3.1.6.3, 4.3.2): loads and stores are translated and
# checked as if in mode MPP (S or U), with SUM and MXR; instruction fetch is not (the code runs
# while satp points to pt_root2, which maps only the test pages, not the code). A fault is an M
# trap (cause 13/15, mtval = VA); the trap leaves MPRV set (MPP = M in the handler), and mret back
# to M sets MPP = U, so the access after it is a U access. A/D bits are set by MPRV stores too.
.option norvc
#include "vm_macros.h"
TV_BEGIN
        SET_MTVEC(vm_mtrap)
        csrw medeleg, zero
        csrw mie, zero
        li s6, 0
        VM_INIT
        MAP_TVA(1, 1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)            # S page
        MAP_TVA(2, 2, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D)    # U page
        MAP_TVA(3, 3, PTE_V | PTE_X | PTE_A | PTE_D)                    # execute-only S page
        MAP_TVA(4, 4, PTE_V | PTE_R | PTE_W)                            # clean S page
        # pt_root2: only root[0x40] -> pt_test
        la t0, pt_test
        MAKE_PTE(t1, t0, PTE_V)
        la t0, pt_root2
        sw t1, 0x40 * 4(t0)
        SATP_SET(pt_root2, 3)

#define MPRV_AS(mpp)                                              \
        li t0, MSTATUS_MPP; csrc mstatus, t0;                     \
        li t0, (mpp) | MSTATUS_MPRV; csrs mstatus, t0
#define MPRV_OFF                                                  \
        li t0, MSTATUS_MPRV | MSTATUS_MPP | MSTATUS_SUM | MSTATUS_MXR; csrc mstatus, t0; \
        li t0, MSTATUS_MPP_M; csrs mstatus, t0

        TRAP_CLEAR
        # ---- MPP = S: translated load / store of an S page
        li a1, TVA(1)
        MPRV_AS(MSTATUS_MPP_S)
        lw a2, 4(a1)
        li a3, 0x1357
        sw a3, 8(a1)
        MPRV_OFF
        CHECK_NO_TRAP(1)
        TV_CHECK_REG(2, a2, VM_MARK(1))
        LA_PAGE(t1, 1)
        lw t2, 8(t1)
        TV_CHECK_REG(3, t2, 0x1357)
        # ---- MPP = S, U page: needs SUM
        li a1, TVA(2) + 4
        MPRV_AS(MSTATUS_MPP_S)
1:      lw a2, 0(a1)
        MPRV_OFF
        CHECK_MFAULT(4, CAUSE_LOAD_PAGE, 1b, TVA(2) + 4)
        CHECK_MASKED(5, s7, MSTATUS_MPRV | MSTATUS_MPP, MSTATUS_MPRV | MSTATUS_MPP_M)
        TRAP_CLEAR
        MPRV_AS(MSTATUS_MPP_S)
        li t0, MSTATUS_SUM
        csrs mstatus, t0
        lw a2, 0(a1)
        MPRV_OFF
        CHECK_NO_TRAP(6)
        TV_CHECK_REG(6, a2, VM_MARK(2))
        # ---- MPP = U: the U page works, the S page faults (load and store)
        MPRV_AS(0)
        lw a2, 0(a1)
        MPRV_OFF
        CHECK_NO_TRAP(7)
        TV_CHECK_REG(7, a2, VM_MARK(2))
        li a1, TVA(1) + 0x10
        MPRV_AS(0)
1:      lw a2, 0(a1)
        MPRV_OFF
        CHECK_MFAULT(8, CAUSE_LOAD_PAGE, 1b, TVA(1) + 0x10)
        TRAP_CLEAR
        MPRV_AS(0)
1:      sw a2, 0(a1)
        MPRV_OFF
        CHECK_MFAULT(9, CAUSE_STORE_PAGE, 1b, TVA(1) + 0x10)
        # ---- MPP = S, execute-only page: load needs MXR
        TRAP_CLEAR
        li a1, TVA(3) + 4
        MPRV_AS(MSTATUS_MPP_S)
1:      lw a2, 0(a1)
        MPRV_OFF
        CHECK_MFAULT(10, CAUSE_LOAD_PAGE, 1b, TVA(3) + 4)
        TRAP_CLEAR
        MPRV_AS(MSTATUS_MPP_S)
        li t0, MSTATUS_MXR
        csrs mstatus, t0
        lw a2, 0(a1)
        MPRV_OFF
        CHECK_NO_TRAP(11)
        TV_CHECK_REG(11, a2, VM_MARK(3))
        # ---- the trap sets MPP = M; its mret (back to M) leaves MPRV = 1 and sets MPP to the
        # least-privileged mode, U (3.1.6.1): the next access is then a U access, translated
        la a4, plain_word                       # a PA not mapped by pt_root2
        li a1, TVA(7)                           # unmapped
        MPRV_AS(MSTATUS_MPP_S)
1:      lw a2, 0(a1)
        csrr a5, mstatus
2:      lw a3, 0(a4)
        MPRV_OFF
        CHECK_MASKED(12, a5, MSTATUS_MPRV | MSTATUS_MPP, MSTATUS_MPRV)
        TV_CHECK_REG(13, s8, 2)
        TV_CHECK_REG(13, s9, CAUSE_LOAD_PAGE)
        CHECK_LABEL(13, s10, 2b)
        TV_CHECK_EQ(13, s11, a4)
        CHECK_MASKED(14, s7, MSTATUS_MPRV | MSTATUS_MPP, MSTATUS_MPRV | MSTATUS_MPP_M)
        # ---- MPRV=1 with MPP=M: no translation
        TRAP_CLEAR
        MPRV_AS(MSTATUS_MPP_M)
        lw a3, 0(a4)
        MPRV_OFF
        CHECK_NO_TRAP(15)
        TV_CHECK_REG(15, a3, 0xfeedf00d)
        # ---- an MPRV store sets A and D of the clean page
        li a1, TVA(4)
        MPRV_AS(MSTATUS_MPP_S)
        sw a1, 0x20(a1)
        MPRV_OFF
        CHECK_NO_TRAP(16)
        GET_TVA_PTE(a0, 4)
        CHECK_MASKED(17, a0, PTE_A | PTE_D, PTE_A | PTE_D)
        # ---- M with MPRV=0 ignores satp (this code, not mapped by pt_root2, kept running anyway)
        lw a3, 0(a4)
        TV_CHECK_REG(18, a3, 0xfeedf00d)
        csrw satp, zero
        sfence.vma
        TV_PASS

        .text
VM_M_HANDLER
U_CODE_BEGIN
U_CODE_END
        .data
plain_word: .word 0xfeedf00d
TV_END
VM_DATA
