# Zicsr read/modify/write semantics on plain read/write CSRs (mscratch, sscratch):
# csrrw/csrrs/csrrc and immediate forms return the old value and write the new one;
# rs1=x0 / uimm=0 set/clear leave the CSR unchanged; rd=x0 discards the old value.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR

        li a0, 0x12345678
        csrw mscratch, a0
        csrr a1, mscratch
        TV_CHECK_REG(1, a1, 0x12345678)

        li a0, 0xcafef00d
        csrrw a1, mscratch, a0            # returns old, writes new
        TV_CHECK_REG(2, a1, 0x12345678)
        csrr a1, mscratch
        TV_CHECK_REG(3, a1, 0xcafef00d)

        li a0, 0x0000ff00
        csrrs a1, mscratch, a0            # set bits
        TV_CHECK_REG(4, a1, 0xcafef00d)
        csrr a1, mscratch
        TV_CHECK_REG(5, a1, 0xcafeff0d)

        li a0, 0xf000000f
        csrrc a1, mscratch, a0            # clear bits
        TV_CHECK_REG(6, a1, 0xcafeff0d)
        csrr a1, mscratch
        TV_CHECK_REG(7, a1, 0x0afeff00)

        csrrs a1, mscratch, x0            # no write
        TV_CHECK_REG(8, a1, 0x0afeff00)
        csrrc a1, mscratch, x0
        TV_CHECK_REG(9, a1, 0x0afeff00)
        csrr a1, mscratch
        TV_CHECK_REG(10, a1, 0x0afeff00)

        csrrwi a1, mscratch, 0x15         # zero-extended 5-bit immediate
        TV_CHECK_REG(11, a1, 0x0afeff00)
        csrr a1, mscratch
        TV_CHECK_REG(12, a1, 0x15)
        csrrsi a1, mscratch, 0x0a
        TV_CHECK_REG(13, a1, 0x15)
        csrr a1, mscratch
        TV_CHECK_REG(14, a1, 0x1f)
        csrrci a1, mscratch, 0x11
        TV_CHECK_REG(15, a1, 0x1f)
        csrr a1, mscratch
        TV_CHECK_REG(16, a1, 0x0e)
        csrrsi a1, mscratch, 0
        csrrci a1, mscratch, 0
        TV_CHECK_REG(17, a1, 0x0e)
        csrrwi a1, mscratch, 0x1f         # immediate is not sign-extended
        csrr a1, mscratch
        TV_CHECK_REG(18, a1, 0x1f)

        # rd = x0: write happens, nothing read back
        li a0, 0x55aa55aa
        csrrw x0, mscratch, a0
        csrr a1, mscratch
        TV_CHECK_REG(19, a1, 0x55aa55aa)

        # rd == rs1: old value read, new value from the register before the write
        li a2, 0x11110000
        csrrw a2, mscratch, a2
        TV_CHECK_REG(20, a2, 0x55aa55aa)
        csrr a1, mscratch
        TV_CHECK_REG(21, a1, 0x11110000)
        li a2, 0x00002222
        csrrs a2, mscratch, a2
        TV_CHECK_REG(22, a2, 0x11110000)
        csrr a1, mscratch
        TV_CHECK_REG(23, a1, 0x11112222)

        # all 32 bits are storage
        li a0, -1
        csrw mscratch, a0
        csrr a1, mscratch
        TV_CHECK_REG(24, a1, -1)
        csrw mscratch, x0
        csrr a1, mscratch
        TV_CHECK_REG(25, a1, 0)

        # sscratch is a separate register, also accessible from M
        li a0, 0x87654321
        csrw sscratch, a0
        li a0, 0x0badcafe
        csrw mscratch, a0
        csrr a1, sscratch
        TV_CHECK_REG(26, a1, 0x87654321)
        csrrci a1, sscratch, 0x1
        csrr a1, sscratch
        TV_CHECK_REG(27, a1, 0x87654320)
        csrr a1, mscratch
        TV_CHECK_REG(28, a1, 0x0badcafe)

        # mcause / mtval / scause / stval are plain read/write storage for values they can hold
        li a0, 0x8000000b
        csrw mcause, a0
        csrr a1, mcause
        TV_CHECK_REG(29, a1, 0x8000000b)
        li a0, 2
        csrw mcause, a0
        csrr a1, mcause
        TV_CHECK_REG(30, a1, 2)
        li a0, 0xdeadbeef
        csrw mtval, a0
        csrr a1, mtval
        TV_CHECK_REG(31, a1, 0xdeadbeef)
        li a0, 0x80000005
        csrw scause, a0
        csrr a1, scause
        TV_CHECK_REG(32, a1, 0x80000005)
        li a0, 0xfeedface
        csrw stval, a0
        csrr a1, stval
        TV_CHECK_REG(33, a1, 0xfeedface)

        CHECK_NO_TRAP(34)
        TV_PASS
M_TRAP_HANDLER
TV_END
