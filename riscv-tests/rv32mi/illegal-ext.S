# trapvisor-specific (RV32I + Zicsr + Zifencei only): M, A, C and Zbb encodings are illegal
# instructions with mtval = the 32-bit word fetched. QEMU implements M/A/C/Zbb, so this file
# fails under QEMU by design.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        EXPECT_ILLEGAL(1, .word 0x02b50533)   # mul a0,a0,a1
        EXPECT_ILLEGAL(2, .word 0x02b54533)   # div a0,a0,a1
        EXPECT_ILLEGAL(3, .word 0x1005252f)   # lr.w a0,(a0)
        # 16-bit encoding without C: illegal. The spec's mtval is "the shortest of the
        # faulting instruction / ILEN bits", and the length encoding says 16 bits, so
        # 0x0001 is the precise value; the full fetched word 0x00010001 is accepted too.
        TRAP_CLEAR
4:      .word 0x00010001                      # c.nop; c.nop
        TV_CHECK_REG(4, s8, 1)
        TV_CHECK_REG(4, s9, CAUSE_ILLEGAL_INSN)
        CHECK_LABEL(4, s10, 4b)
        li t6, 0x00000001
        beq s11, t6, 5f
        TV_CHECK_REG(6, s11, 0x00010001)
5:
        EXPECT_ILLEGAL(5, .word 0x40b57533)   # andn a0,a0,a1 (Zbb)
        TV_PASS
M_TRAP_HANDLER
TV_END
