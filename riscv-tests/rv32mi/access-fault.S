# Access faults for addresses with nothing behind them:
#   instruction fetch at 0x0 / 0x20000000 / 0x40000000 -> mcause 1, mepc = mtval = address
#   load / store at 0x40000000 (and 0x0)                  -> mcause 5 / 7, mepc = the insn,
#                                                           mtval = address, rd unchanged
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)

#define FETCH_FAULT(n, addr)                                      \
        SET_MTVEC(fetch_fault);                                   \
        TRAP_CLEAR;                                               \
        li t0, addr;                                              \
        jalr ra, 0(t0);                                           \
        TV_CHECK_REG(n, s8, 1);                                   \
        TV_CHECK_REG(n, s9, CAUSE_FETCH_ACCESS);                  \
        TV_CHECK_REG(n, s10, addr);                               \
        TV_CHECK_REG(n, s11, addr)
        FETCH_FAULT(1, 0x00000000)
        FETCH_FAULT(2, 0x20000000)
        FETCH_FAULT(3, 0x40000000)
        FETCH_FAULT(4, 0x40001230)

        SET_MTVEC(m_trap_rec)
        li a0, 0x40000000
        li a1, 0x1111
        TRAP_CLEAR
10:     lw a1, 0(a0)
        CHECK_MTRAP(10, CAUSE_LOAD_ACCESS, 10b)
        TV_CHECK_REG(11, s11, 0x40000000)
        TV_CHECK_REG(12, a1, 0x1111)
        TRAP_CLEAR
13:     lbu a1, 0x7f(a0)
        CHECK_MTRAP(13, CAUSE_LOAD_ACCESS, 13b)
        TV_CHECK_REG(14, s11, 0x4000007f)
        TRAP_CLEAR
15:     lh a1, -2(a0)                       # 0x3ffffffe, also nothing there
        CHECK_MTRAP(15, CAUSE_LOAD_ACCESS, 15b)
        TV_CHECK_REG(16, s11, 0x3ffffffe)
        TRAP_CLEAR
17:     sw a1, 8(a0)
        CHECK_MTRAP(17, CAUSE_STORE_ACCESS, 17b)
        TV_CHECK_REG(18, s11, 0x40000008)
        TRAP_CLEAR
19:     sb a1, 3(a0)
        CHECK_MTRAP(19, CAUSE_STORE_ACCESS, 19b)
        TV_CHECK_REG(20, s11, 0x40000003)
        TRAP_CLEAR
        li a0, 0x20000000
21:     sh a1, 4(a0)
        CHECK_MTRAP(21, CAUSE_STORE_ACCESS, 21b)
        TV_CHECK_REG(22, s11, 0x20000004)
        TRAP_CLEAR
        li a0, 0x0
23:     lw a1, 0(a0)
        CHECK_MTRAP(23, CAUSE_LOAD_ACCESS, 23b)
        TV_CHECK_REG(24, s11, 0)
        TV_PASS

        .align 2
fetch_fault:                               # record, then return to ra in M-mode
        csrr s9, mcause
        csrr s10, mepc
        csrr s11, mtval
        addi s8, s8, 1
        csrw mepc, ra
        mret
M_TRAP_HANDLER
TV_END
