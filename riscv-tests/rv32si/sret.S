# S-level trap entry and SRET: entry sets SPP (previous mode), SPIE <- SIE, SIE <- 0;
# sret sets SIE <- SPIE, SPIE <- 1, SPP <- U and returns to sepc in the SPP mode.
# SRET in U and MRET in S or U are illegal instructions.
#include "../rv32mi/priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        SET_STVEC(s_trap_rec)
        PMP_ALLOW_ALL
        csrw mie, zero
        csrw mideleg, zero
        li a0, (1 << CAUSE_BREAKPOINT) | (1 << CAUSE_ILLEGAL_INSN) | (1 << CAUSE_ECALL_U)
        csrw medeleg, a0

        li a0, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE
        csrc mstatus, a0
        TRAP_CLEAR
        ENTER_S(in_s)
in_s:
        # trap from S with SIE=0
1:      ebreak
        CHECK_STRAP(1, CAUSE_BREAKPOINT, 1b)
        CHECK_MASKED(2, s4, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP)
        csrr a1, sstatus
        CHECK_MASKED(3, a1, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPIE)
        # trap from S with SIE=1
        csrsi sstatus, MSTATUS_SIE
        TRAP_CLEAR
4:      ebreak
        CHECK_STRAP(4, CAUSE_BREAKPOINT, 4b)
        CHECK_MASKED(5, s4, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP | MSTATUS_SPIE)
        csrr a1, sstatus
        CHECK_MASKED(6, a1, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPIE | MSTATUS_SIE)
        csrci sstatus, MSTATUS_SIE

        # sret to S: SPP=S, SPIE=0, SIE=1 -> SIE=0, SPIE=1, SPP=U, still S
        li a0, MSTATUS_SPP | MSTATUS_SIE
        csrs sstatus, a0
        li a0, MSTATUS_SPIE
        csrc sstatus, a0
        la a0, r1
        csrw sepc, a0
        sret
        j fail
r1:     csrr a1, sstatus                        # legal: still S
        CHECK_MASKED(10, a1, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPIE)

        # mret in S is illegal (delegated illegal instruction -> S handler)
        TRAP_CLEAR
11:     mret
        CHECK_STRAP(11, CAUSE_ILLEGAL_INSN, 11b)
        la t0, 11b
        lw t0, 0(t0)
        TV_CHECK_EQ(12, s3, t0)

        # sret to U: SPP=U, SPIE=1
        li a0, MSTATUS_SPP
        csrc sstatus, a0
        li a0, MSTATUS_SPIE
        csrs sstatus, a0
        la a0, in_u
        csrw sepc, a0
        TRAP_CLEAR
        sret
in_u:
20:     csrr a1, sstatus                        # U cannot touch S CSRs -> S handler
        mv a2, s1
        mv a3, s2
        mv a4, s4
21:     sret                                    # illegal in U
        mv a5, s1
        mv a6, s2
22:     mret                                    # illegal in U
        mv a7, s1
        mv t1, s2
        mv t2, s5
        BACK_TO_S(in_s2)
        j fail
in_s2:
        TV_CHECK_REG(20, a2, CAUSE_ILLEGAL_INSN)
        CHECK_LABEL(21, a3, 20b)
        CHECK_MASKED(22, a4, MSTATUS_SPP | MSTATUS_SPIE, MSTATUS_SPIE) # from U, SIE was 1 by sret
        TV_CHECK_REG(23, a5, CAUSE_ILLEGAL_INSN)
        CHECK_LABEL(24, a6, 21b)
        TV_CHECK_REG(25, a7, CAUSE_ILLEGAL_INSN)
        CHECK_LABEL(26, t1, 22b)
        TV_CHECK_REG(27, t2, 3)
        TV_CHECK_REG(28, s8, 0)
        TV_CHECK_REG(29, s1, CAUSE_ECALL_U)

        # sret executed in M is legal and goes to the SPP mode
        BACK_TO_M(in_m)                         # ecall from S is not delegated
        j fail
in_m:
        li a0, MSTATUS_SPP
        csrs mstatus, a0
        la a0, in_s3
        csrw sepc, a0
        TRAP_CLEAR
        sret
in_s3:
30:     csrr a1, mscratch                       # S: illegal (delegated -> S handler)
        CHECK_STRAP(30, CAUSE_ILLEGAL_INSN, 30b)
        TV_PASS
M_TRAP_HANDLER
S_TRAP_HANDLER
TV_END
