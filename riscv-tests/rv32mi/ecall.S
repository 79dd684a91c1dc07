# ECALL from each mode into M (nothing delegated): mcause 11 from M, 9 from S, 8 from U;
# mepc = the ecall; mtval = 0; MPP records the mode the ecall came from.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        PMP_ALLOW_ALL
        csrw medeleg, zero
        csrw mideleg, zero
        csrw mie, zero

        li a0, 0x1234
        csrw mtval, a0
        TRAP_CLEAR
1:      ecall                                 # from M: handler skips it
        CHECK_MTRAP(1, CAUSE_ECALL_M, 1b)
        TV_CHECK_REG(2, s11, 0)
        CHECK_MASKED(3, s7, MSTATUS_MPP, MSTATUS_MPP_M)

        li a0, 0x1234
        csrw mtval, a0
        TRAP_CLEAR
        ENTER_S(in_s)
in_s:
        la s6, back_s
4:      ecall                                 # from S
        j fail
back_s:
        CHECK_MTRAP(4, CAUSE_ECALL_S, 4b)
        TV_CHECK_REG(5, s11, 0)
        CHECK_MASKED(6, s7, MSTATUS_MPP, MSTATUS_MPP_S)

        li a0, 0x1234
        csrw mtval, a0
        TRAP_CLEAR
        ENTER_U(in_u)
in_u:
        la s6, back_u
7:      ecall                                 # from U
        j fail
back_u:
        CHECK_MTRAP(7, CAUSE_ECALL_U, 7b)
        TV_CHECK_REG(8, s11, 0)
        CHECK_MASKED(9, s7, MSTATUS_MPP, 0)

        # an ecall from S that the handler skips returns to S (mret with MPP=S)
        TRAP_CLEAR
        ENTER_S(in_s2)
in_s2:
10:     ecall                                 # s6 == 0: skipped, continue in S
        li s6, 0
        la s6, back_s2
        ecall
        j fail
back_s2:
        TV_CHECK_REG(10, s8, 2)
        CHECK_MASKED(11, s7, MSTATUS_MPP, MSTATUS_MPP_S)  # second ecall was also from S
        TV_PASS
M_TRAP_HANDLER
TV_END
