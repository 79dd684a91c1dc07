# Zicsr access rules on read-only CSRs: reads never trap; csrrs/csrrc with rs1=x0 and
# csrrsi/csrrci with uimm=0 do not write and are legal; every form that writes
# (csrrw/csrrwi always, csrrs/csrrc with rs1!=x0 even if the register holds 0,
# csrrsi/csrrci with uimm!=0) raises illegal instruction with mtval = instruction bits.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)

        # ---- mvendorid (0xF11) ----
        EXPECT_OK(1, csrr a1, mvendorid)
        EXPECT_OK(2, csrrs a1, mvendorid, x0)
        EXPECT_OK(3, csrrc a1, mvendorid, x0)
        EXPECT_OK(4, csrrsi a1, mvendorid, 0)
        EXPECT_OK(5, csrrci a1, mvendorid, 0)
        EXPECT_OK(6, csrrs x0, mvendorid, x0)
        EXPECT_ILLEGAL(7, csrrw a1, mvendorid, x0)
        EXPECT_ILLEGAL(8, csrrw x0, mvendorid, a1)
        EXPECT_ILLEGAL(9, csrrwi a1, mvendorid, 0)
        li a2, 1
        EXPECT_ILLEGAL(10, csrrs a1, mvendorid, a2)
        EXPECT_ILLEGAL(11, csrrc a1, mvendorid, a2)
        # (rs1 != x0 holding zero is also a write per spec: see zicsr-readonly-zeromask.S)
        EXPECT_ILLEGAL(12, csrrsi a1, mvendorid, 1)
        EXPECT_ILLEGAL(13, csrrci a1, mvendorid, 4)

        # ---- the rest of the machine information registers ----
        EXPECT_OK(20, csrr a1, marchid)
        EXPECT_OK(21, csrr a1, mimpid)
        EXPECT_OK(22, csrr a1, mhartid)
        EXPECT_OK(23, csrr a1, mconfigptr)
        EXPECT_OK(24, csrrci a1, mhartid, 0)
        EXPECT_ILLEGAL(25, csrw marchid, a2)
        EXPECT_ILLEGAL(26, csrw mimpid, a2)
        EXPECT_ILLEGAL(27, csrw mhartid, a2)
        EXPECT_ILLEGAL(28, csrw mconfigptr, a2)
        EXPECT_ILLEGAL(29, csrsi mhartid, 1)
        EXPECT_ILLEGAL(30, csrwi mimpid, 0)

        # ---- unprivileged counters (cycle/instret, read-only shadows) ----
        EXPECT_OK(40, csrr a1, cycle)
        EXPECT_OK(41, csrr a1, cycleh)
        EXPECT_OK(42, csrr a1, instret)
        EXPECT_OK(43, csrr a1, instreth)
        EXPECT_OK(44, csrrs a1, cycle, x0)
        EXPECT_OK(45, csrrci a1, instret, 0)
        EXPECT_ILLEGAL(46, csrw cycle, a2)
        EXPECT_ILLEGAL(47, csrw cycleh, a2)
        EXPECT_ILLEGAL(48, csrw instret, a2)
        EXPECT_ILLEGAL(49, csrw instreth, a2)
        EXPECT_ILLEGAL(50, csrrc a1, cycle, a2)
        EXPECT_ILLEGAL(51, csrrsi a1, instret, 2)
        EXPECT_ILLEGAL(52, csrrwi x0, cycle, 0)

        # ---- the destination register is not written when the instruction traps ----
        li a1, 0x5a5a
        EXPECT_ILLEGAL(60, csrrw a1, mvendorid, x0)
        TV_CHECK_REG(61, a1, 0x5a5a)

        TV_PASS
M_TRAP_HANDLER
TV_END
