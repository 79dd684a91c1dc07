# Vectored stvec (MODE=1): delegated interrupt n enters S at BASE + 4*n, delegated
# exceptions at BASE; scause carries the interrupt bit.
#include "../rv32mi/priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        PMP_ALLOW_ALL
        li a0, 1 << CAUSE_BREAKPOINT
        csrw medeleg, a0
        li a0, MIP_SSIP | MIP_STIP | MIP_SEIP
        csrw mideleg, a0
        csrc mip, a0
        csrw mie, zero
        csrci mstatus, MSTATUS_MIE | MSTATUS_SIE
        la t0, svtab
        ori t0, t0, 1
        csrw stvec, t0
        csrr a1, stvec
        TV_CHECK_EQ(1, a1, t0)

#define S_IRQ(n, num)                                             \
        TRAP_CLEAR;                                               \
        li a0, 1 << num;                                          \
        csrs mip, a0;                                             \
        ENTER_S(1f);                                              \
1:      li a0, 1 << num;                                          \
        csrw sie, a0;                                             \
        csrsi sstatus, MSTATUS_SIE;                               \
        nop;                                                      \
        csrci sstatus, MSTATUS_SIE;                               \
        mv a2, s3;                                                \
        BACK_TO_M(2f);                                            \
        j fail;                                                   \
2:      li a0, 1 << num;                                          \
        csrc mip, a0;                                             \
        TV_CHECK_REG(n, s5, 1);                                   \
        TV_CHECK_REG(n, a2, num);                                 \
        TV_CHECK_REG(n, s1, INT_BIT | num)

        S_IRQ(10, IRQ_SSI)
        S_IRQ(11, IRQ_STI)
        S_IRQ(12, IRQ_SEI)

        # delegated exception -> BASE
        TRAP_CLEAR
        ENTER_S(in_s)
in_s:
20:     ebreak
        mv a2, s3
        BACK_TO_M(m1)
        j fail
m1:     TV_CHECK_REG(20, s5, 1)
        TV_CHECK_REG(21, s1, CAUSE_BREAKPOINT)
        CHECK_LABEL(22, s2, 20b)
        la t0, 20b
        TV_CHECK_EQ(23, a2, t0)                 # slot-0 handler marker (it saw sepc)
        TV_PASS

        .align 8
svtab:
        j s_ex                                  /* 0: exceptions */
        j sv1
        j sv_bad
        j sv_bad
        j sv_bad
        j sv5
        j sv_bad
        j sv_bad
        j sv_bad
        j sv9
sv1:    li s3, 1; j svcommon
sv5:    li s3, 5; j svcommon
sv9:    li s3, 9; j svcommon
sv_bad: li TESTNUM, 98; j fail
svcommon:
        csrr s1, scause
        csrr s2, sepc
        addi s5, s5, 1
        csrw sie, zero
        sret
s_ex:   csrr s1, scause
        csrr s2, sepc
        mv s3, s2                               /* slot 0 records sepc as its marker */
        addi s5, s5, 1
        addi t5, s2, 4
        csrw sepc, t5
        sret
M_TRAP_HANDLER
TV_END
