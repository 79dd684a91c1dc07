# medeleg: exceptions raised in S or U whose bit is set trap to S (scause, sepc, stval,
# sstatus.SPP/SPIE/SIE written; the M handler never runs); the same exception raised
# in M stays in M even though its bit is set. Non-delegated causes from S still go to M.
# (Every way back to M is itself an M trap, so "mcause untouched" cannot be observed
# directly; the M-handler count s8 = 0 stands for it.)
#include "../rv32mi/priv_macros.h"
#define DELEG ((1 << CAUSE_ILLEGAL_INSN) | (1 << CAUSE_BREAKPOINT) | (1 << CAUSE_LOAD_ACCESS) | (1 << CAUSE_ECALL_U))
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        SET_STVEC(s_trap_rec)
        PMP_ALLOW_ALL
        csrw mie, zero
        csrw mideleg, zero
        li a0, DELEG
        csrw medeleg, a0
        csrr a1, medeleg
        CHECK_MASKED(1, a1, DELEG, DELEG)

        # exception in M with the bit set: still an M trap
        TRAP_CLEAR
2:      .word 0
        CHECK_MTRAP(2, CAUSE_ILLEGAL_INSN, 2b)
        TV_CHECK_REG(3, s5, 0)
        TRAP_CLEAR
4:      ebreak
        CHECK_MTRAP(4, CAUSE_BREAKPOINT, 4b)
        TV_CHECK_REG(5, s5, 0)

        TRAP_CLEAR
        li a0, MSTATUS_SPP | MSTATUS_SPIE
        csrc mstatus, a0
        csrsi mstatus, MSTATUS_SIE              # SIE=1 in S (nothing enabled in sie)
        ENTER_S(in_s)
in_s:
        # illegal instruction in S -> S handler
10:     csrr a1, mscratch
        CHECK_STRAP(10, CAUSE_ILLEGAL_INSN, 10b)
        la t0, 10b
        lw t0, 0(t0)
        TV_CHECK_EQ(11, s3, t0)                 # stval = instruction bits
        CHECK_MASKED(12, s4, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP | MSTATUS_SPIE)
        csrr a1, sstatus                        # sret restored SIE from SPIE, SPIE=1, SPP=U
        CHECK_MASKED(13, a1, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPIE | MSTATUS_SIE)
        # ebreak in S -> S
        TRAP_CLEAR
14:     ebreak
        CHECK_STRAP(14, CAUSE_BREAKPOINT, 14b)
        # a non-delegated exception from S still goes to M: ecall from S (bit 9 clear)
        csrci sstatus, MSTATUS_SIE
        TRAP_CLEAR
        BACK_TO_M(in_m1)
        j fail
in_m1:
        TV_CHECK_REG(15, s9, CAUSE_ECALL_S)
        TV_CHECK_REG(16, s5, 0)
        # U-mode delegated traps (enter U with an sret executed in M)
        la a0, in_u
        csrw sepc, a0
        li a0, MSTATUS_SPP
        csrc mstatus, a0
        TRAP_CLEAR
        sret                                    # M -> U via sret (SPP=U)
in_u:
        # load access fault in U -> S
        li a0, 0x40000000
20:     lw a1, 4(a0)
        mv a2, s1
        mv a3, s2
        mv a4, s3
        mv a5, s4
        # ecall in U -> S, continue in S
        BACK_TO_S(in_s2)
        j fail
in_s2:
        TV_CHECK_REG(20, s5, 2)
        TV_CHECK_REG(21, s8, 0)
        TV_CHECK_REG(22, a2, CAUSE_LOAD_ACCESS)
        CHECK_LABEL(23, a3, 20b)
        TV_CHECK_REG(24, a4, 0x40000004)
        CHECK_MASKED(25, a5, MSTATUS_SPP, 0)    # came from U
        TV_CHECK_REG(26, s1, CAUSE_ECALL_U)
        CHECK_MASKED(27, s4, MSTATUS_SPP, 0)
        TV_CHECK_REG(28, s3, 0)                 # stval = 0 for ecall
        BACK_TO_M(in_m2)
        j fail
in_m2:
        TV_CHECK_REG(29, s9, CAUSE_ECALL_S)
        TV_CHECK_REG(30, s8, 1)
        TV_PASS
M_TRAP_HANDLER
S_TRAP_HANDLER
TV_END
