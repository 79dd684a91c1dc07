/* Misaligned AMO / LR / SC addresses trap (the A extension requires natural alignment):
 *   AMO*.W and SC.W -> store/AMO address misaligned (mcause 6),
 *   LR.W            -> load address misaligned (mcause 4),
 * with mepc = the instruction, mtval = the misaligned address, rd unchanged and memory
 * unchanged. Runs in M-mode. The cause split is the privileged spec's: loads and LR
 * raise load exceptions; stores, SC and AMOs raise store/AMO exceptions. (The A
 * extension would also allow an access fault instead; trapvisor chose the misaligned
 * exception, which makes this file trapvisor-specific in that one respect.)
 * QEMU 7.2 fails this file by design: it reports misaligned AMOs as load-misaligned
 * (cause 4, checks 1-18) and its SC.W does not check alignment at all (checks 30-31:
 * it just fails the SC without trapping). With those two QEMU differences masked,
 * every other check passes under QEMU.
 * Written from the RISC-V unprivileged spec (A extension) for trapvisor.
 */
#include "ua_macros.h"

#define MEM_INIT 0x44332211

/* The instruction (rd = a0, rs2 = a2, rs1 = a1 = &amo_word + off) must raise cause:
 * mepc = it, mtval = a1, a0 unchanged, amo_word and its guards unchanged. */
#define MIS(n, cause, off, ...)                                   \
        AMO_SET(MEM_INIT);                                        \
        addi a1, a1, off;                                         \
        li a0, 0x0bad0bad;                                        \
        li a2, 0xffffffff;                                        \
        TRAP_CLEAR;                                               \
n:      __VA_ARGS__;                                              \
        CHECK_MTRAP(n, cause, n##b);                              \
        TV_CHECK_EQ(n, s11, a1);                                  \
        TV_CHECK_REG(n, a0, 0x0bad0bad);                          \
        AMO_MEM(n, MEM_INIT)

#define AMIS(n, off, op)  MIS(n, CAUSE_MISALIGNED_STORE, off, op a0, a2, (a1))

TV_BEGIN
        SET_MTVEC(m_trap_rec)

        /* every AMO, at each misalignment (+1, +2, +3) */
        AMIS( 1, 1, amoswap.w)
        AMIS( 2, 2, amoswap.w)
        AMIS( 3, 3, amoswap.w)
        AMIS( 4, 1, amoadd.w)
        AMIS( 5, 2, amoadd.w)
        AMIS( 6, 3, amoadd.w)
        AMIS( 7, 2, amoxor.w)
        AMIS( 8, 1, amoand.w)
        AMIS( 9, 3, amoor.w)
        AMIS(10, 2, amomin.w)
        AMIS(11, 1, amomax.w)
        AMIS(12, 3, amominu.w)
        AMIS(13, 2, amomaxu.w)
        /* ... the annotated forms, and a misaligned address below the word */
        AMIS(14, 1, amoadd.w.aq)
        AMIS(15, 2, amoswap.w.rl)
        AMIS(16, 3, amoor.w.aqrl)
        AMIS(17, -2, amoxor.w)
        /* rd = x0 still traps, memory unchanged */
        MIS(18, CAUSE_MISALIGNED_STORE, 2, amoadd.w x0, a2, (a1))

        /* LR.W: load address misaligned */
        MIS(20, CAUSE_MISALIGNED_LOAD, 1, lr.w a0, (a1))
        MIS(21, CAUSE_MISALIGNED_LOAD, 2, lr.w a0, (a1))
        MIS(22, CAUSE_MISALIGNED_LOAD, 3, lr.w.aq a0, (a1))

        /* SC.W: store/AMO address misaligned, with or without a reservation */
        MIS(30, CAUSE_MISALIGNED_STORE, 2, sc.w a0, a2, (a1))
        AMO_SET(MEM_INIT)
        lr.w t1, (a1)                /* a valid reservation on the aligned word */
        addi a1, a1, 1
        li a0, 0x0bad0bad
        li a2, 0xffffffff
        TRAP_CLEAR
31:     sc.w a0, a2, (a1)
        CHECK_MTRAP(31, CAUSE_MISALIGNED_STORE, 31b)
        TV_CHECK_EQ(31, s11, a1)
        TV_CHECK_REG(31, a0, 0x0bad0bad)
        AMO_MEM(31, MEM_INIT)

        /* the aligned forms still work afterwards */
        AMO_OP(40, amoadd.w, 0x00000010, 0x00000001, 0x00000011)
        TV_PASS
M_TRAP_HANDLER
TV_END
AMO_DATA
