# sie / sip are views of mie / mip restricted by mideleg: a bit reads as in mie/mip when
# delegated and zero otherwise; writes reach mie/mip only for delegated bits; M-level
# bits never appear. sip.SSIP is writable (when delegated), sip.STIP/SEIP are not.
#include "../rv32mi/priv_macros.h"
#define SBITS (MIP_SSIP | MIP_STIP | MIP_SEIP)
#define MBITS (MIP_MSIP | MIP_MTIP | MIP_MEIP)
/* Only the S and M interrupt bits are compared: with the H extension (QEMU) the VS bits
 * of mideleg are read-only one; trapvisor has no H, so they read zero there anyway. */
#define VIS (SBITS | MBITS)
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
        csrci mstatus, MSTATUS_MIE | MSTATUS_SIE
        csrw mie, zero
        li a0, SBITS
        csrc mip, a0

        # mideleg: the three S interrupts are delegable, M ones are not
        li a0, SBITS
        csrw mideleg, a0
        csrr a1, mideleg
        CHECK_MASKED(1, a1, VIS, SBITS)
        li a0, -1
        csrw mideleg, a0
        csrr a1, mideleg
        CHECK_MASKED(2, a1, SBITS | MBITS, SBITS)

        # everything delegated: sie mirrors mie's S bits only
        li a0, SBITS | MIP_MSIP | MIP_MTIP
        csrw mie, a0
        csrr a1, sie
        CHECK_MASKED(3, a1, VIS, SBITS)
        csrw sie, zero
        csrr a1, mie
        CHECK_MASKED(4, a1, VIS, MIP_MSIP | MIP_MTIP)  # M bits untouched by the sie write
        li a0, -1
        csrw sie, a0
        csrr a1, mie
        CHECK_MASKED(5, a1, VIS, SBITS | MIP_MSIP | MIP_MTIP)

        # only SSI delegated: sie shows SSIE only, writes to STIE/SEIE through sie are ignored
        li a0, MIP_SSIP
        csrw mideleg, a0
        csrr a1, sie
        CHECK_MASKED(6, a1, VIS, MIP_SSIP)
        csrw sie, zero
        csrr a1, mie
        CHECK_MASKED(7, a1, VIS, MIP_STIP | MIP_SEIP | MIP_MSIP | MIP_MTIP)
        li a0, -1
        csrw sie, a0
        csrr a1, mie
        CHECK_MASKED(8, a1, VIS, SBITS | MIP_MSIP | MIP_MTIP)
        csrw mie, zero
        li a0, MIP_STIP
        csrs sie, a0                             # not delegated: no effect
        csrr a1, mie
        CHECK_MASKED(9, a1, VIS, 0)

        # sip: pending S bits visible only when delegated
        li a0, SBITS
        csrw mideleg, a0
        li a0, MIP_STIP | MIP_SEIP
        csrs mip, a0
        csrr a1, sip
        CHECK_MASKED(10, a1, SBITS | MBITS, MIP_STIP | MIP_SEIP)
        li a0, MIP_SSIP
        csrs sip, a0                             # SSIP writable through sip
        csrr a1, mip
        CHECK_MASKED(11, a1, SBITS, SBITS)
        li a0, MIP_STIP | MIP_SEIP
        csrc sip, a0                             # read-only in sip: no effect
        csrr a1, mip
        CHECK_MASKED(12, a1, SBITS, SBITS)
        li a0, MIP_SSIP
        csrc sip, a0
        csrr a1, mip
        CHECK_MASKED(13, a1, SBITS, MIP_STIP | MIP_SEIP)
        li a0, MIP_SEIP
        csrw mideleg, zero                       # nothing delegated: sip reads 0
        csrr a1, sip
        CHECK_MASKED(14, a1, VIS, 0)
        li a0, MIP_SSIP
        csrs sip, a0                             # and SSIP is not writable through it
        csrr a1, mip
        CHECK_MASKED(15, a1, MIP_SSIP, 0)
        csrr a1, sie
        CHECK_MASKED(16, a1, VIS, 0)

        # M-pending bits never show in sip
        li t0, CLINT_MSIP
        li a0, 1
        sw a0, 0(t0)
        li a0, -1
        csrw mideleg, a0
        csrr a1, sip
        CHECK_MASKED(17, a1, MBITS, 0)
        li t0, CLINT_MSIP
        sw zero, 0(t0)
        li a0, SBITS
        csrc mip, a0
        csrw mideleg, zero
        CHECK_NO_TRAP(18)
        TV_PASS
M_TRAP_HANDLER
TV_END
