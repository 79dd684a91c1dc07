# mstatus / mstatush / sstatus (RV32): every M/S field listed by the spec is writable,
# WPRI bits read zero, MPP holds 0/1/3 and never reads the reserved 2, mstatush
# (MBE/SBE on a little-endian hart) reads zero, sstatus is a restricted view.
#include "priv_macros.h"
#define M_ONLY (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)
#define S_VIEW (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR)
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        csrw mie, zero                      # nothing can interrupt while MIE toggles

        # each writable field individually: set, read, clear, read
#define FIELD(n, bit)                                             \
        li a0, bit; csrs mstatus, a0; csrr a1, mstatus;           \
        CHECK_MASKED(n, a1, bit, bit);                            \
        csrc mstatus, a0; csrr a1, mstatus;                       \
        CHECK_MASKED(n + 100, a1, bit, 0)
        FIELD(1, MSTATUS_SIE)
        FIELD(2, MSTATUS_MIE)
        FIELD(3, MSTATUS_SPIE)
        FIELD(4, MSTATUS_MPIE)
        FIELD(5, MSTATUS_SPP)
        FIELD(6, MSTATUS_SUM)
        FIELD(7, MSTATUS_MXR)
        FIELD(8, MSTATUS_TVM)
        FIELD(9, MSTATUS_TW)
        FIELD(10, MSTATUS_TSR)
        li a0, MSTATUS_MPP_M; csrs mstatus, a0      # MPRV only with MPP=M (keeps M data accesses)
        FIELD(11, MSTATUS_MPRV)

        # MPP: the legal values 0 (U), 1 (S), 3 (M) are stored
        li a0, MSTATUS_MPP
        csrc mstatus, a0
        csrr a1, mstatus
        CHECK_MASKED(20, a1, MSTATUS_MPP, 0)
        li a0, MSTATUS_MPP_S
        csrs mstatus, a0
        csrr a1, mstatus
        CHECK_MASKED(21, a1, MSTATUS_MPP, MSTATUS_MPP_S)
        li a0, MSTATUS_MPP
        csrs mstatus, a0
        csrr a1, mstatus
        CHECK_MASKED(22, a1, MSTATUS_MPP, MSTATUS_MPP_M)

        # write all ones: WPRI bits (0, 2, 4, 30:23) and UBE (little-endian only) read 0
        li a0, -1
        csrw mstatus, a0
        csrr a1, mstatus
        CHECK_MASKED(30, a1, 0x7f800015, 0)
        CHECK_MASKED(31, a1, MSTATUS_UBE, 0)
        CHECK_MASKED(32, a1, M_ONLY | S_VIEW, M_ONLY | S_VIEW)

        # sstatus hides the M-only fields
        csrr a2, sstatus
        CHECK_MASKED(40, a2, M_ONLY, 0)
        CHECK_MASKED(41, a2, S_VIEW, S_VIEW)
        CHECK_MASKED(42, a2, 0x7f800015, 0)
        # clearing through sstatus touches only S fields
        csrw sstatus, zero
        csrr a1, mstatus
        CHECK_MASKED(43, a1, S_VIEW, 0)
        CHECK_MASKED(44, a1, M_ONLY, M_ONLY)
        # writing ones through sstatus cannot set M fields
        li a0, M_ONLY
        csrc mstatus, a0
        li a0, -1
        csrw sstatus, a0
        csrr a1, mstatus
        CHECK_MASKED(45, a1, M_ONLY, 0)
        CHECK_MASKED(46, a1, S_VIEW, S_VIEW)
        csrr a2, sstatus
        CHECK_MASKED(47, a2, S_VIEW, S_VIEW)
        li a0, MSTATUS_SPP
        csrc sstatus, a0
        csrr a1, mstatus
        CHECK_MASKED(48, a1, MSTATUS_SPP, 0)

        # mstatush: MBE/SBE read zero on this little-endian hart; WPRI bits zero
        li a0, 0x30
        csrw mstatush, a0
        csrr a1, mstatush
        TV_CHECK_REG(50, a1, 0)

        csrw mstatus, zero
        csrr a1, mstatus
        CHECK_MASKED(51, a1, M_ONLY | S_VIEW, 0)
        CHECK_NO_TRAP(52)
        TV_PASS
M_TRAP_HANDLER
TV_END
