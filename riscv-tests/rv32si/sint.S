# Delegated S-level interrupts (SSI/STI/SEI raised by M through mip, delegated by
# mideleg): never taken in M; in S only with sstatus.SIE=1; in U always (SIE ignored).
# Taken to stvec with scause = 0x80000000|n, sepc = next instruction, stval = 0,
# SPP/SPIE/SIE updated. A non-delegated S interrupt pending in S is an M trap even with
# SIE=0 and MIE=0 (lower privilege: higher-level interrupts always enabled).
#include "../rv32mi/priv_macros.h"
#define SBITS (MIP_SSIP | MIP_STIP | MIP_SEIP)
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        SET_STVEC(s_trap_rec)
        PMP_ALLOW_ALL
        csrw medeleg, zero
        csrw mie, zero
        li a0, SBITS
        csrw mideleg, a0
        csrc mip, a0
        csrci mstatus, MSTATUS_MIE | MSTATUS_SIE

        # --- M-mode: a delegated pending+enabled interrupt is not taken, even with MIE/SIE=1
        TRAP_CLEAR
        li a0, MIP_SSIP
        csrs mip, a0
        csrw mie, a0
        csrsi mstatus, MSTATUS_MIE | MSTATUS_SIE
        nop
        nop
        csrci mstatus, MSTATUS_MIE | MSTATUS_SIE
        CHECK_NO_TRAP(1)

        # --- S-mode with SIE=0: not taken; setting SIE takes it
        TRAP_CLEAR
        ENTER_S(in_s)
in_s:   nop
        nop
        CHECK_NO_TRAP(2)
        csrsi sstatus, MSTATUS_SIE
s_take: nop
        TV_CHECK_REG(3, s5, 1)
        TV_CHECK_REG(4, s1, INT_BIT | IRQ_SSI)
        CHECK_LABEL(5, s2, s_take)
        TV_CHECK_REG(6, s3, 0)
        CHECK_MASKED(7, s4, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP | MSTATUS_SPIE)
        TV_CHECK_REG(8, s8, 0)
        csrr a1, sie                            # handler cleared sie
        TV_CHECK_REG(9, a1, 0)
        li a0, MIP_SSIP                         # S clears its own SSIP
        csrc sip, a0
        csrci sstatus, MSTATUS_SIE

        # --- STI and SEI in S (M sets the pending bit, S enables)
        BACK_TO_M(m1)
        j fail
m1:     li a0, MIP_STIP
        csrs mip, a0
        TRAP_CLEAR
        ENTER_S(in_s2)
in_s2:  li a0, MIP_STIP
        csrs sie, a0
        csrsi sstatus, MSTATUS_SIE
        nop
        csrci sstatus, MSTATUS_SIE
        TV_CHECK_REG(10, s5, 1)
        TV_CHECK_REG(11, s1, INT_BIT | IRQ_STI)
        BACK_TO_M(m2)
        j fail
m2:     li a0, MIP_STIP
        csrc mip, a0
        li a0, MIP_SEIP
        csrs mip, a0
        TRAP_CLEAR
        ENTER_S(in_s3)
in_s3:  li a0, MIP_SEIP
        csrs sie, a0
        csrsi sstatus, MSTATUS_SIE
        nop
        csrci sstatus, MSTATUS_SIE
        TV_CHECK_REG(12, s5, 1)
        TV_CHECK_REG(13, s1, INT_BIT | IRQ_SEI)
        BACK_TO_M(m3)
        j fail
m3:     li a0, MIP_SEIP
        csrc mip, a0

        # --- U-mode: taken even though sstatus.SIE=0; SPP=U
        csrci mstatus, MSTATUS_SIE
        li a0, MIP_SSIP
        csrw mie, a0
        csrs mip, a0
        TRAP_CLEAR
        ENTER_U(in_u)
in_u:   nop                                     # taken before this
        mv a2, s1
        mv a3, s2
        mv a4, s4
        mv a5, s5
        BACK_TO_M(m4)
        j fail
m4:     TV_CHECK_REG(20, a5, 1)
        TV_CHECK_REG(21, a2, INT_BIT | IRQ_SSI)
        CHECK_LABEL(22, a3, in_u)
        CHECK_MASKED(23, a4, MSTATUS_SPP | MSTATUS_SPIE, 0)
        li a0, MIP_SSIP
        csrc mip, a0

        # --- not delegated: SSI pending in S goes to M regardless of SIE/MIE
        csrw mideleg, zero
        li a0, MIP_SSIP
        csrw mie, a0
        csrs mip, a0
        csrci mstatus, MSTATUS_MIE | MSTATUS_SIE
        TRAP_CLEAR
        ENTER_S(in_s5)
in_s5:  nop
        mv a2, s9
        mv a3, s10
        mv a4, s7
        mv a5, s8
        mv a6, s5
        BACK_TO_M(m5)
        j fail
m5:     TV_CHECK_REG(30, a5, 1)
        TV_CHECK_REG(31, a6, 0)
        TV_CHECK_REG(32, a2, INT_BIT | IRQ_SSI)
        CHECK_LABEL(33, a3, in_s5)
        CHECK_MASKED(34, a4, MSTATUS_MPP, MSTATUS_MPP_S)
        li a0, MIP_SSIP
        csrc mip, a0
        csrw mie, zero
        TV_PASS
M_TRAP_HANDLER
S_TRAP_HANDLER
TV_END
