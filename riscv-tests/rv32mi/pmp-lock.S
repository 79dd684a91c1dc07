# PMP lock bit (privileged 1.12, 3.7.1): with L set the entry's R/W/X also bind M-mode (faults
# 1/5/7, mtval = address), an M access that matches no entry still succeeds, writes to a locked
# pmpNcfg byte and its pmpaddrN are ignored, a locked TOR entry also locks pmpaddr(N-1), and
# unlocked bytes of the same pmpcfg register still take writes. Locks last until reset: this file
# is one run. Entries (A = pmp_area):  e0 NA4 A+0x100 L R;  e1 NAPOT A+0x800 256 B L X;
# e2 NAPOT A 4 KiB L R W;  e3 OFF (TOR base);  e4 TOR [A+0x1000, A+0x1800) L R;
# e15 TOR [0x80000000, A) R W X (unlocked: code, tohost).
.option norvc
#include "../rv32vm/vm_macros.h"
#define NA4   0x10
#define NAPOT 0x18
#define TOR   0x08
#define L     0x80
#define PR 1
#define PW 2
#define PX 4
#define PMPADDR_AT(k, off, mask)                                  \
        la t0, pmp_area; li t1, off; add t0, t0, t1;              \
        srli t0, t0, 2; ori t0, t0, mask; csrw pmpaddr##k, t0
#define AT(reg, off) la reg, pmp_area; li t0, off; add reg, reg, t0
#define MFAULT(n, cause, label)                                   \
        TV_CHECK_REG(n, s8, 1); TV_CHECK_REG(n, s9, cause);       \
        TV_CHECK_EQ(n, s11, a1); CHECK_LABEL(n, s10, label)
#define CFG0 (((L|NAPOT|PR|PW) << 16) | ((L|NAPOT|PX) << 8) | (L|NA4|PR))
TV_BEGIN
        SET_MTVEC(vm_mtrap)
        csrw medeleg, zero
        csrw mie, zero
        csrw satp, zero
        li s6, 0
        AT(t2, 0x000)
        li t1, INSN_RET
        sw t1, 0(t2)
        sw t1, 0x100(t2)
        li t0, 0x800
        add t3, t2, t0
        sw t1, 0(t3)
        li t1, 0x11223344
        sw t1, 4(t3)
        li t0, 0x1000
        add t3, t2, t0
        li t1, 0x55667788
        sw t1, 0(t3)
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
        li t0, 0x80000000 >> 2
        csrw pmpaddr14, t0
        PMPADDR_AT(15, 0, 0)
        li t0, (TOR|PR|PW|PX) << 24
        csrw pmpcfg3, t0
        li t0, TOR|L|PR
        csrw pmpcfg1, t0
        li t0, CFG0
        csrw pmpcfg0, t0
        sfence.vma

        # ---- M-mode is checked by locked entries
        TRAP_CLEAR
        AT(a1, 0x100)
        lw a2, 0(a1)                            # e0 L R: load ok
        CHECK_NO_TRAP(1)
        TV_CHECK_REG(1, a2, INSN_RET)
1:      sw a2, 0(a1)                            # store denied
        MFAULT(2, CAUSE_STORE_ACCESS, 1b)
        TRAP_CLEAR
        AT(a1, 0x800)
        jalr ra, 0(a1)                          # e1 L X: fetch ok
        CHECK_NO_TRAP(3)
        AT(a1, 0x804)
1:      lw a2, 0(a1)                            # load denied
        MFAULT(4, CAUSE_LOAD_ACCESS, 1b)
        TRAP_CLEAR
1:      sw a2, 0(a1)
        MFAULT(5, CAUSE_STORE_ACCESS, 1b)
        TRAP_CLEAR
        AT(a1, 0x000)
        jalr ra, 0(a1)                          # e2 L RW: fetch denied
        TV_CHECK_REG(6, s8, 1)
        TV_CHECK_REG(6, s9, CAUSE_FETCH_ACCESS)
        TV_CHECK_EQ(6, s10, a1)
        TV_CHECK_EQ(6, s11, a1)
        TRAP_CLEAR
        AT(a1, 0x104)
        sw a1, 0(a1)                            # e2: store ok
        lw a2, 0(a1)
        CHECK_NO_TRAP(7)
        TV_CHECK_EQ(7, a2, a1)
        AT(a1, 0x1000)
        lw a2, 0(a1)                            # e4 TOR L R: load ok
        CHECK_NO_TRAP(8)
        TV_CHECK_REG(8, a2, 0x55667788)
        AT(a1, 0x17fc)
1:      sw a2, 0(a1)
        MFAULT(9, CAUSE_STORE_ACCESS, 1b)
        TRAP_CLEAR                              # no entry matches: M succeeds
        AT(a1, 0x2000)
        sw a1, 0(a1)
        lw a2, 0(a1)
        CHECK_NO_TRAP(10)
        TV_CHECK_EQ(10, a2, a1)

        # ---- locked entries ignore writes; unlocked bytes of the register do not
        li t0, 0x0d000000                       # try: e0..e2 cleared, e3 = TOR R X
        csrw pmpcfg0, t0
        csrr a2, pmpcfg0
        TV_CHECK_REG(20, a2, CFG0 | 0x0d000000)
        csrw pmpcfg0, zero
        csrr a2, pmpcfg0
        TV_CHECK_REG(21, a2, CFG0)
        li t0, L|NAPOT|PR|PW|PX                 # clear L? set X? neither
        csrc pmpcfg0, t0
        csrr a2, pmpcfg0
        TV_CHECK_REG(22, a2, CFG0)
        csrr a3, pmpaddr0                       # pmpaddr of a locked entry
        li t0, 0x12345
        csrw pmpaddr0, t0
        csrr a2, pmpaddr0
        TV_CHECK_EQ(23, a2, a3)
        csrr a3, pmpaddr2
        csrw pmpaddr2, zero
        csrr a2, pmpaddr2
        TV_CHECK_EQ(24, a2, a3)
        csrr a3, pmpaddr3                       # e3 is unlocked, but it is e4's (locked TOR) base
        csrw pmpaddr3, zero
        csrr a2, pmpaddr3
        TV_CHECK_EQ(25, a2, a3)
        csrr a3, pmpcfg1                        # e4 itself
        csrw pmpcfg1, zero
        csrr a2, pmpcfg1
        TV_CHECK_EQ(26, a2, a3)
        li t0, 0x4321                           # an unlocked, unrelated entry still takes writes
        csrw pmpaddr7, t0
        csrr a2, pmpaddr7
        TV_CHECK_REG(27, a2, 0x4321)
        # and the locked rules still hold: M store at A+0x100 denied
        TRAP_CLEAR
        AT(a1, 0x100)
1:      sw a2, 0(a1)
        MFAULT(28, CAUSE_STORE_ACCESS, 1b)

        # ---- S obeys the same entries
        TRAP_CLEAR
        li a0, 2
        AT(a1, 0x100)
        la s6, 1f
        ENTER_S(s_probe)
1:      TV_CHECK_REG(30, s8, 1)
        TV_CHECK_REG(30, s9, CAUSE_STORE_ACCESS)
        TV_CHECK_EQ(30, s11, a1)
        TRAP_CLEAR
        li a0, 1
        AT(a1, 0x1000)
        la s6, 1f
        ENTER_S(s_probe)
1:      CHECK_NO_TRAP(31)
        TV_CHECK_REG(31, a2, 0x55667788)
        TV_PASS

VM_PROBE(s_probe)
VM_M_HANDLER

        .data
        .align 12
pmp_area:
        .skip 0x4000
TV_END
