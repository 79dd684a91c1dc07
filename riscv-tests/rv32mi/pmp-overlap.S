# PMP partial matches (privileged 1.12, 3.7.1.2): an access only part of which lies in the
# lowest-numbered matching entry fails -- or, where the hart splits a misaligned access into
# smaller ones (3.7.1.2 allows it), the part outside fails on its own. Either way an S-mode
# misaligned load / store running from an R W entry into bytes no entry matches raises an access
# fault (5 / 7), mepc = the instruction, and nothing is stored past the entry's end. An aligned
# access inside the entry's last word works. (mtval = the original address or the first byte
# outside, both allowed: not checked here; see rv32vm/misaligned-trapvisor.S for trapvisor's.)
# e0 NAPOT [A, A+0x1000) R W;  e14 OFF, e15 TOR [0x80000000, A) R W X.
.option norvc
#include "../rv32vm/vm_macros.h"
#define NAPOT 0x18
#define TOR   0x08
TV_BEGIN
        SET_MTVEC(vm_mtrap)
        csrw medeleg, zero
        csrw mie, zero
        csrw satp, zero
        li s6, 0
        csrw pmpcfg0, zero
        csrw pmpcfg1, zero
        csrw pmpcfg2, zero
        csrw pmpcfg3, zero
        la t0, pmp_area
        srli t0, t0, 2
        ori t0, t0, 0x1ff
        csrw pmpaddr0, t0
        li t0, 0x80000000 >> 2
        csrw pmpaddr14, t0
        la t0, pmp_area
        srli t0, t0, 2
        csrw pmpaddr15, t0
        li t0, (TOR | 7) << 24
        csrw pmpcfg3, t0
        li t0, NAPOT | 3
        csrw pmpcfg0, t0
        la t0, pmp_area                         # known bytes around the end of e0
        li t1, 0x1000
        add t0, t0, t1
        li t1, 0x11223344
        sw t1, -4(t0)
        li t1, 0x55667788
        sw t1, 0(t0)
        sfence.vma
        ENTER_S(in_s)
in_s:
        la s0, pmp_area
        li t0, 0x1000
        add s0, s0, t0                          # s0 = A + 0x1000 (end of e0)
        TRAP_CLEAR
        lw a2, -4(s0)
        CHECK_NO_TRAP(1)
        TV_CHECK_REG(1, a2, 0x11223344)
        TRAP_CLEAR
        addi a1, s0, -2
1:      lw a2, 0(a1)
        CHECK_MTRAP(2, CAUSE_LOAD_ACCESS, 1b)
        TRAP_CLEAR
        li a3, 0x99aabbcc
1:      sw a3, 0(a1)
        CHECK_MTRAP(3, CAUSE_STORE_ACCESS, 1b)
        TRAP_CLEAR
        addi a1, s0, -1
1:      lh a2, 0(a1)
        CHECK_MTRAP(4, CAUSE_LOAD_ACCESS, 1b)
        la s6, back
        ecall
back:                                           # M: the bytes past e0 were not written
        lw t1, 0(s0)
        TV_CHECK_REG(5, t1, 0x55667788)
        TV_PASS

VM_M_HANDLER

        .data
        .align 12
pmp_area:
        .skip 0x2000
TV_END
