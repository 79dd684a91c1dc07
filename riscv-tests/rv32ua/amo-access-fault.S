/* AMOs and LR to an address with no device behind it (0x40000000, and 0x0) fault:
 *   AMO*.W -> store/AMO access fault (mcause 7), LR.W -> load access fault (mcause 5),
 * with mepc = the instruction, mtval = the address, rd unchanged.
 * (SC.W to such an address is left out: whether an SC that fails for lack of a
 * reservation checks the address is not fixed by the spec.)
 * The cause split is the privileged spec's: load-reserved raises load exceptions,
 * AMOs raise store/AMO exceptions. QEMU 7.2 fails this file by design: it reports
 * AMO access faults as load access faults (cause 5, checks 1-13); with that masked,
 * every check passes under QEMU.
 * Written from the RISC-V unprivileged and privileged specs for trapvisor.
 */
#include "ua_macros.h"

/* The instruction (rd = a0, rs2 = a2, rs1 = a1 = addr) must raise cause with
 * mepc = it, mtval = addr, and a0 unchanged. */
#define FAULT(n, cause, addr, ...)                                \
        li a1, addr;                                              \
        li a0, 0x0bad0bad;                                        \
        li a2, 0x00000001;                                        \
        TRAP_CLEAR;                                               \
n:      __VA_ARGS__;                                              \
        CHECK_MTRAP(n, cause, n##b);                              \
        TV_CHECK_REG(n, s11, addr);                               \
        TV_CHECK_REG(n, a0, 0x0bad0bad);                          \
        TV_CHECK_REG(n, a1, addr)

#define AFAULT(n, addr, op)  FAULT(n, CAUSE_STORE_ACCESS, addr, op a0, a2, (a1))

TV_BEGIN
        SET_MTVEC(m_trap_rec)
        AFAULT( 1, 0x40000000, amoswap.w)
        AFAULT( 2, 0x40000000, amoadd.w)
        AFAULT( 3, 0x40000000, amoxor.w)
        AFAULT( 4, 0x40000000, amoand.w)
        AFAULT( 5, 0x40000000, amoor.w)
        AFAULT( 6, 0x40000000, amomin.w)
        AFAULT( 7, 0x40000000, amomax.w)
        AFAULT( 8, 0x40000000, amominu.w)
        AFAULT( 9, 0x40000000, amomaxu.w)
        AFAULT(10, 0x40000010, amoadd.w.aqrl)
        AFAULT(11, 0x00000000, amoswap.w)
        AFAULT(12, 0x4000fffc, amoor.w.aq)
        FAULT(13, CAUSE_STORE_ACCESS, 0x40000000, amoadd.w x0, a2, (a1))
        FAULT(20, CAUSE_LOAD_ACCESS, 0x40000000, lr.w a0, (a1))
        FAULT(21, CAUSE_LOAD_ACCESS, 0x00000000, lr.w.aq a0, (a1))
        FAULT(22, CAUSE_LOAD_ACCESS, 0x40000100, lr.w.aqrl a0, (a1))
        /* the aligned forms on RAM still work afterwards */
        AMO_OP(30, amoswap.w, 0x00000010, 0x00000020, 0x00000020)
        TV_PASS
M_TRAP_HANDLER
TV_END
AMO_DATA
