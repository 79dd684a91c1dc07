# Accessing a CSR number that does not exist raises illegal instruction (mtval = bits),
# for reads as well as writes. Numbers chosen from unallocated/custom space.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        li a2, 1
        EXPECT_ILLEGAL(1, csrr a1, 0x7c0)         # custom machine RW
        EXPECT_ILLEGAL(2, csrw 0x7c0, a2)
        EXPECT_ILLEGAL(3, csrr a1, 0x800)         # custom user RW
        EXPECT_ILLEGAL(4, csrr a1, 0x5c0)         # custom supervisor RW
        EXPECT_ILLEGAL(5, csrr a1, 0xfc0)         # custom machine RO
        EXPECT_ILLEGAL(6, csrrs a1, 0xbc0, x0)    # custom machine RW, read-only form
        EXPECT_ILLEGAL(7, csrr a1, 0x3ff)         # unallocated
        EXPECT_ILLEGAL(8, csrr a1, 0x0ff)         # unallocated user
        EXPECT_ILLEGAL(9, csrrwi a1, 0x1ff, 3)    # unallocated supervisor
        EXPECT_ILLEGAL(10, csrr a1, 0x6c0)        # hypervisor custom (no H)
        # hypervisor CSRs exist only with H (misa bit 7); trapvisor has no H.
        csrr a3, misa
        andi a3, a3, 1 << ('H' - 'A')
        bnez a3, 1f
        EXPECT_ILLEGAL(11, csrr a1, 0x600)        # hstatus
        EXPECT_ILLEGAL(12, csrr a1, 0x200)        # vsstatus
1:
        # destination untouched on the trap
        li a1, 77
        EXPECT_ILLEGAL(13, csrr a1, 0x7c0)
        TV_CHECK_REG(14, a1, 77)
        TV_PASS
M_TRAP_HANDLER
TV_END
