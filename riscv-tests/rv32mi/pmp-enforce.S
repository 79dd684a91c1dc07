# PMP enforcement (privileged 1.12, 3.7.1): NA4, NAPOT and TOR regions; the lowest-numbered
# matching entry decides (a lower entry denies what a higher one would allow, and the reverse);
# R/W/X checked per access type; an S/U access that matches no entry fails (some entry is
# active); M-mode without L always succeeds. Faults: fetch 1 / load 5 / store 7, mtval = address,
# mepc = the instruction (the target for a fetch). No paging (satp = 0). Entries used (A = pmp_area):
#   e0 NA4   A+0x100            R        e4 TOR   [A+0x1000, A+0x1800)  R X
#   e1 NAPOT A+0x800, 256 B     X        e5 TOR   [A+0x1800, A+0x2000)  R W
#   e2 NAPOT A, 4 KiB           R W      e6 NAPOT [A+0x1000, A+0x2000)  R W X (shadowed by e4/e5)
#   e3 OFF (TOR base for e4)             e14 OFF, e15 TOR [0x80000000, A) R W X (code, tohost)
#   [A+0x2000, A+0x4000): no entry.
.option norvc
#include "../rv32vm/vm_macros.h"
#define NA4   0x10
#define NAPOT 0x18
#define TOR   0x08
#define PR 1
#define PW 2
#define PX 4
#define PMPADDR_AT(k, off, mask)                                  \
        la t0, pmp_area; li t1, off; add t0, t0, t1;              \
        srli t0, t0, 2; ori t0, t0, mask; csrw pmpaddr##k, t0
/* Run s_probe in mode (S or U): acc 0 fetch / 1 load / 2 store at pmp_area + off. */
#define TRY(mode, acc, off)                                       \
        li a0, acc; la a1, pmp_area; li t0, off; add a1, a1, t0;  \
        li a3, 0x3c3c0000 + (off);                                \
        TRAP_CLEAR; la s6, 1f; ENTER_##mode(s_probe); 1:
#define OK(n)        TV_CHECK_REG(n, s8, 0)
#define FAULT(n, cause)                                           \
        TV_CHECK_REG(n, s8, 1); TV_CHECK_REG(n, s9, cause); TV_CHECK_EQ(n, s11, a1)
/* Store `ret` at pmp_area + off (for fetches) and a marker word after it. */
#define PUT_RET(off)                                              \
        la t0, pmp_area; li t1, off; add t0, t0, t1;              \
        li t1, INSN_RET; sw t1, 0(t0);                            \
        li t1, 0x3c3c0000 + (off) + 4; sw t1, 4(t0)
TV_BEGIN
        SET_MTVEC(vm_mtrap)
        csrw medeleg, zero
        csrw mie, zero
        csrw satp, zero
        li s6, 0
        PUT_RET(0x000)
        PUT_RET(0x0fc)
        PUT_RET(0x800)
        PUT_RET(0x1000)
        PUT_RET(0x1800)
        PUT_RET(0x2000)
        fence.i
        csrw pmpcfg0, zero
        csrw pmpcfg1, zero
        csrw pmpcfg2, zero
        csrw pmpcfg3, zero
        PMPADDR_AT(0, 0x100, 0)
        PMPADDR_AT(1, 0x800, 0x1f)
        PMPADDR_AT(2, 0x000, 0x1ff)
        PMPADDR_AT(3, 0x1000, 0)
        PMPADDR_AT(4, 0x1800, 0)
        PMPADDR_AT(5, 0x2000, 0)
        PMPADDR_AT(6, 0x1000, 0x1ff)
        li t0, 0x80000000 >> 2
        csrw pmpaddr14, t0
        PMPADDR_AT(15, 0, 0)
        li t0, ((NAPOT|PR|PW) << 16) | ((NAPOT|PX) << 8) | (NA4|PR)
        csrw pmpcfg0, t0
        li t0, ((NAPOT|PR|PW|PX) << 16) | ((TOR|PR|PW) << 8) | (TOR|PR|PX)
        csrw pmpcfg1, t0
        li t0, (TOR|PR|PW|PX) << 24
        csrw pmpcfg3, t0
        sfence.vma
        csrr t1, pmpcfg0
        li t0, ((NAPOT|PR|PW) << 16) | ((NAPOT|PX) << 8) | (NA4|PR)
        TV_CHECK_EQ(1, t1, t0)

        # ---- NA4 (e0, R) over NAPOT (e2, RW): priority by entry number
        TRY(S, 1, 0x100)
        OK(2)
        TV_CHECK_REG(2, a2, 0x3c3c0100)
        TRY(S, 2, 0x100)
        FAULT(3, CAUSE_STORE_ACCESS)
        CHECK_LABEL(3, s10, s_probe_s)
        TRY(S, 2, 0x104)                        # the next word is e2's: RW
        OK(4)
        TRY(S, 2, 0x0fc)                        # and the word before
        OK(5)
        TRY(S, 0, 0x000)                        # e2 has no X
        FAULT(6, CAUSE_FETCH_ACCESS)
        TV_CHECK_EQ(6, s10, a1)
        # ---- NAPOT 256 B, X only (e1) inside e2
        TRY(S, 0, 0x800)
        OK(10)
        TRY(S, 1, 0x804)
        FAULT(11, CAUSE_LOAD_ACCESS)
        CHECK_LABEL(11, s10, s_probe_l)
        TRY(S, 2, 0x8fc)                        # last word of e1
        FAULT(12, CAUSE_STORE_ACCESS)
        TRY(S, 2, 0x900)                        # first word after e1: e2 again
        OK(13)
        TRY(S, 1, 0x7fc)
        OK(14)
        # ---- TOR (e4 R X) shadowing e6 (RWX)
        TRY(S, 1, 0x1004)
        OK(20)
        TV_CHECK_REG(20, a2, 0x3c3c1004)
        TRY(S, 0, 0x1000)
        OK(21)
        TRY(S, 2, 0x17fc)
        FAULT(22, CAUSE_STORE_ACCESS)
        # ---- TOR (e5 R W), its bottom = pmpaddr4
        TRY(S, 1, 0x1800)
        OK(23)
        TRY(S, 2, 0x1ffc)
        OK(24)
        TRY(S, 0, 0x1800)
        FAULT(25, CAUSE_FETCH_ACCESS)
        # ---- no entry matches: S and U fail, every access type
        TRY(S, 1, 0x2000)
        FAULT(30, CAUSE_LOAD_ACCESS)
        TRY(S, 2, 0x3ffc)
        FAULT(31, CAUSE_STORE_ACCESS)
        TRY(S, 0, 0x2000)
        FAULT(32, CAUSE_FETCH_ACCESS)
        TRY(U, 1, 0x2004)
        FAULT(33, CAUSE_LOAD_ACCESS)
        TRY(U, 2, 0x2ffc)
        FAULT(35, CAUSE_STORE_ACCESS)
        TRY(U, 0, 0x2000)
        FAULT(34, CAUSE_FETCH_ACCESS)
        # ---- U: the same entries decide as for S
        TRY(U, 1, 0x100)
        OK(40)
        TRY(U, 2, 0x100)
        FAULT(41, CAUSE_STORE_ACCESS)
        TRY(U, 2, 0x104)
        OK(42)
        TRY(U, 0, 0x800)
        OK(43)
        TRY(U, 1, 0x800)
        FAULT(44, CAUSE_LOAD_ACCESS)
        # ---- byte store outside every entry: mtval is the byte's address
        TRAP_CLEAR
        la a1, pmp_area
        li t0, 0x3001
        add a1, a1, t0
        la s6, 1f
        ENTER_S(s_sb)
1:      FAULT(45, CAUSE_STORE_ACCESS)
        CHECK_LABEL(45, s10, s_sb_insn)
        # ---- M without L: every access succeeds, matched or not, whatever R/W/X say
        TRAP_CLEAR
        la a1, pmp_area
        li t0, 0x2000
        add a1, a1, t0
        lw a2, 4(a1)
        sw a2, 8(a1)
        jalr ra, 0(a1)
        la a1, pmp_area
        sw a2, 0x100(a1)                        # e0: R only
        addi t2, a1, 0x400
        lw a2, 0x404(t2)                        # e1: X only
        jalr ra, 0(a1)                          # e2: no X
        li t0, 0x1000
        add a1, a1, t0
        sw a2, 0x7fc(a1)                        # e4: no W
        CHECK_NO_TRAP(50)
        # ---- reprogram e2 to R W X: the fetch now works; e0 to R W: the store too
        li t0, (NAPOT|PR|PW|PX) << 16
        csrs pmpcfg0, t0
        li t0, NA4|PR|PW
        csrs pmpcfg0, t0
        sfence.vma
        TRY(S, 0, 0x000)
        OK(51)
        TRY(S, 2, 0x100)
        OK(52)
        la t0, pmp_area
        lw t1, 0x100(t0)
        TV_CHECK_REG(53, t1, 0x3c3c0100)
        # ---- turn e0 OFF: A+0x100 falls to e2 (R W X now); e4 OFF: A+0x1000.. falls to e6 (RWX)
        li t0, 0x1f
        csrc pmpcfg0, t0
        li t0, 0x1f
        csrc pmpcfg1, t0
        sfence.vma
        PUT_RET(0x100)
        fence.i
        TRY(S, 0, 0x100)                        # e0 would deny X
        OK(54)
        TRY(S, 2, 0x17fc)
        OK(55)
        # ---- a TOR entry whose top is not above its bottom matches nothing: e5 with pmpaddr4 > pmpaddr5
        PMPADDR_AT(4, 0x1c00, 0)
        PMPADDR_AT(5, 0x1800, 0)
        sfence.vma
        TRY(S, 0, 0x1800)                       # e6 (RWX) decides
        OK(56)
        # ---- all entries OFF: S/U accesses fail everywhere (no entry matches), M still works
        csrw pmpcfg0, zero
        csrw pmpcfg1, zero
        li t0, (TOR|PR|PW|PX) << 24             # keep the code reachable: e15 stays
        csrw pmpcfg3, t0
        sfence.vma
        TRY(S, 1, 0x100)
        FAULT(60, CAUSE_LOAD_ACCESS)
        TRY(U, 2, 0x1ffc)
        FAULT(61, CAUSE_STORE_ACCESS)
        TRAP_CLEAR
        la a1, pmp_area
        lw a2, 0x100(a1)
        CHECK_NO_TRAP(62)
        TV_PASS

VM_PROBE(s_probe)
s_sb:
s_sb_insn:
        sb a1, 0(a1)
        ecall

VM_M_HANDLER

        .data
        .align 12
pmp_area:
        .skip 0x4000
TV_END
