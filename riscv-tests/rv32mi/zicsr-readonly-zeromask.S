# Zicsr spec detail: CSRRS/CSRRC with rs1 != x0 always attempt a write, even when the
# register holds zero, so on a read-only CSR they raise illegal instruction. Only the
# encodings rs1=x0 / uimm=0 are "no write". (QEMU 7.2 is lax here: it treats a zero mask
# as no write, so this file fails under QEMU by design.)
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        li a2, 0
        EXPECT_OK(1, csrrs a1, mvendorid, x0)
        EXPECT_ILLEGAL(2, csrrs a1, mvendorid, a2)
        EXPECT_ILLEGAL(3, csrrc a1, mvendorid, a2)
        EXPECT_ILLEGAL(4, csrrs a1, mhartid, a2)
        EXPECT_ILLEGAL(5, csrrc a1, cycle, a2)
        EXPECT_ILLEGAL(6, csrrs x0, instret, a2)
        TV_PASS
M_TRAP_HANDLER
TV_END
