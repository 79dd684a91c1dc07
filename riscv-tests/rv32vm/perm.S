# Sv32 leaf permissions, table-driven (privileged 1.12, 4.3.1, 4.3.2 step 5, 3.1.6.3).
# Every combination of the PTE's R, W, X, U bits (16; A=D=1 preset, so no A/D update is involved)
# x access (fetch, load, store) x mode (S, U) x mstatus {-, SUM, MXR, SUM|MXR}: 384 accesses.
# Expected: RWX=000 at level 0 is a pointer at the last level -> fault; W without R is reserved ->
# fault; U needs U=1; S never fetches from U pages and loads/stores them only with SUM; fetch needs
# X, store W, load R (or X with MXR). A fault is an M trap with cause 12/13/15, mepc = the
# instruction (the fetch target for a fetch), mtval = the VA; a success loads the marker / stores.
# Check number = 1 + 4*group + kind, group = 3*cfg + access (cfg: bit0 SUM, bit1 MXR, bit2 U),
# kind 0: trapped or not as expected, 1: cause, 2: mepc/mtval, 3: data. a5 = the failing RWXU index.
.option norvc
#include "vm_macros.h"
TV_BEGIN
        SET_MTVEC(vm_mtrap)
        csrw medeleg, zero
        csrw mideleg, zero
        csrw mie, zero
        li s6, 0
        VM_INIT
        VM_ENABLE
        li a4, 0                                # cfg 0..7
cfg_loop:
        li a6, 0                                # access 0..2
acc_loop:
        li a5, 0                                # RWXU 0..15
perm_loop:
        # t4 = 1 + 4*(3*cfg + access): base check number of this group
        slli t4, a4, 1
        add t4, t4, a4
        add t4, t4, a6
        slli t4, t4, 2
        addi t4, t4, 1
        # pt_test[0] = vm_page(0) | V | A | D | RWXU
        LA_PAGE(t1, 0)
        MAKE_PTE(t0, t1, PTE_V | PTE_A | PTE_D)
        slli t1, a5, 1
        or t0, t0, t1
        la t1, pt_test
        sw t0, 0(t1)
        sfence.vma
        # mstatus.SUM / MXR from cfg
        li t0, MSTATUS_SUM | MSTATUS_MXR
        csrc mstatus, t0
        andi t0, a4, 1
        beqz t0, 1f
        li t0, MSTATUS_SUM
        csrs mstatus, t0
1:      andi t0, a4, 2
        beqz t0, 1f
        li t0, MSTATUS_MXR
        csrs mstatus, t0
1:
        # probe arguments
        mv a0, a6
        li a1, TVA(0)
        beqz a6, 1f
        li a1, TVA(0) + 4                       # loads/stores use the marker word
1:      li a3, 0x600d0000
        or a3, a3, a5
        TRAP_CLEAR
        la s6, back
        andi t0, a4, 4
        bnez t0, 1f
        ENTER_S(s_probe)
1:      ENTER_U(u_probe)
back:
        li t0, MSTATUS_SUM | MSTATUS_MXR
        csrc mstatus, t0
        # expected = bit a5 of perm_expect[3*cfg + access]
        la t0, perm_expect
        srli t1, t4, 1                          # (t4 - 1) / 4 * 2 = (t4 >> 1) with t4 = 4g+1
        andi t1, t1, -2
        add t0, t0, t1
        lhu t0, 0(t0)
        srl t0, t0, a5
        andi t0, t0, 1
        beqz t0, expect_fault
        # ---- must succeed
        addi gp, t4, 0
        bnez s8, fail
        addi gp, t4, 3
        li t0, 1
        beq a6, t0, chk_load
        li t0, 2
        beq a6, t0, chk_store
        j next                                  # fetch: it returned (no trap) -- done
chk_load:
        li t0, VM_MARK(0)
        bne a2, t0, fail
        j next
chk_store:
        LA_PAGE(t0, 0)
        lw t1, 4(t0)
        bne t1, a3, fail
        li t1, VM_MARK(0)
        sw t1, 4(t0)                            # restore the marker
        j next
        # ---- must fault
expect_fault:
        addi gp, t4, 0
        li t0, 1
        bne s8, t0, fail
        addi gp, t4, 1
        li t0, CAUSE_FETCH_PAGE
        beqz a6, 1f
        li t0, CAUSE_LOAD_PAGE
        li t1, 1
        beq a6, t1, 1f
        li t0, CAUSE_STORE_PAGE
1:      bne s9, t0, fail
        addi gp, t4, 2
        bne s11, a1, fail                       # mtval = VA
        mv t0, a1                               # mepc: fetch -> the target
        beqz a6, 2f
        andi t1, a4, 4                          # load/store -> the instruction in s_/u_probe
        la t0, s_probe_l
        beqz t1, 1f
        la t0, u_probe_l
1:      li t1, 1
        beq a6, t1, 2f
        la t0, s_probe_s
        andi t1, a4, 4
        beqz t1, 2f
        la t0, u_probe_s
2:      bne s10, t0, fail
        addi gp, t4, 3                          # nothing loaded / stored
        li t0, -1
        bne a2, t0, fail
        LA_PAGE(t0, 0)
        lw t1, 4(t0)
        li t0, VM_MARK(0)
        bne t1, t0, fail
next:
        addi a5, a5, 1
        li t0, 16
        bltu a5, t0, perm_loop
        addi a6, a6, 1
        li t0, 3
        bltu a6, t0, acc_loop
        addi a4, a4, 1
        li t0, 8
        bltu a4, t0, cfg_loop
        csrw satp, zero
        sfence.vma
        TV_PASS

VM_PROBE(s_probe)

VM_M_HANDLER

U_CODE_BEGIN
VM_PROBE(u_probe)
U_CODE_END

        .data
        .align 2
# bit RWXU (R=1 W=2 X=4 U=8) set = access allowed; order: cfg (SUM, MXR, U) then fetch/load/store
perm_expect:
        .half 0x00b0   # S         fetch: 4 5 7
        .half 0x00aa   # S         load : 1 3 5 7
        .half 0x0088   # S         store: 3 7
        .half 0x00b0   # S SUM     fetch: 4 5 7
        .half 0xaaaa   # S SUM     load : 1 3 5 7 9 b d f
        .half 0x8888   # S SUM     store: 3 7 b f
        .half 0x00b0   # S     MXR fetch: 4 5 7
        .half 0x00ba   # S     MXR load : 1 3 4 5 7
        .half 0x0088   # S     MXR store: 3 7
        .half 0x00b0   # S SUM MXR fetch: 4 5 7
        .half 0xbaba   # S SUM MXR load : 1 3 4 5 7 9 b c d f
        .half 0x8888   # S SUM MXR store: 3 7 b f
        .half 0xb000   # U         fetch: c d f
        .half 0xaa00   # U         load : 9 b d f
        .half 0x8800   # U         store: b f
        .half 0xb000   # U SUM     fetch: c d f
        .half 0xaa00   # U SUM     load : 9 b d f
        .half 0x8800   # U SUM     store: b f
        .half 0xb000   # U     MXR fetch: c d f
        .half 0xba00   # U     MXR load : 9 b c d f
        .half 0x8800   # U     MXR store: b f
        .half 0xb000   # U SUM MXR fetch: c d f
        .half 0xba00   # U SUM MXR load : 9 b c d f
        .half 0x8800   # U SUM MXR store: b f

TV_END
VM_DATA
