# Illegal instruction exception: mcause = 2, mepc = the instruction, mtval = the
# instruction bits (including the all-zero and all-ones words); execution continues
# in the handler, registers untouched.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        csrw mstatus, zero                    # FS = 0: FP encodings are illegal even with F
        EXPECT_ILLEGAL(1, .word 0x00000000)   # defined illegal
        EXPECT_ILLEGAL(2, .word 0xffffffff)   # defined illegal (reserved long encoding)
        EXPECT_ILLEGAL(3, .word 0x0000007f)   # >= 80-bit prefix, unsupported
        EXPECT_ILLEGAL(4, .word 0x0000005b)   # custom-2 opcode
        EXPECT_ILLEGAL(5, .word 0x0000000b)   # custom-0 opcode
        EXPECT_ILLEGAL(6, .word 0x00004073)   # SYSTEM funct3=4, reserved
        EXPECT_ILLEGAL(7, .word 0x02051513)   # slli a0,a0,32: shamt[5]=1 reserved on RV32
        EXPECT_ILLEGAL(9, .word 0xfe000033)   # OP funct7=0x7f: reserved
        EXPECT_ILLEGAL(10, .word 0x00b57553)  # fadd.s fa0,fa0,fa1 (no F / FS=Off)
        EXPECT_ILLEGAL(11, .word 0x00003003)  # LD (RV64 only) on RV32
        EXPECT_ILLEGAL(12, .word 0x00003023)  # SD (RV64 only) on RV32
        EXPECT_ILLEGAL(13, .word 0x0000101b)  # OP-IMM-32 (RV64 only)
        EXPECT_ILLEGAL(14, .word 0x00002067)  # JALR with funct3 != 0
        EXPECT_ILLEGAL(15, .word 0x00002063)  # BRANCH funct3=2 reserved
        EXPECT_ILLEGAL(16, .word 0x00007003) # LOAD funct3=7 reserved
        EXPECT_ILLEGAL(17, .word 0x00004023)  # STORE funct3=4 reserved

        # registers are not modified by the trapping instruction, and the handler
        # returns to the next one
        li a0, 123
        li a1, 456
        TRAP_CLEAR
        .word 0x00000000
        addi a0, a0, 1
        TV_CHECK_REG(30, a0, 124)
        TV_CHECK_REG(31, a1, 456)
        TV_CHECK_REG(32, s8, 1)

        # the AND encoding above must *not* have been illegal: sanity that the
        # checker distinguishes (0x00007033 = and x0,x0,x0 is legal)
        EXPECT_OK(33, .word 0x00007033)
        TV_PASS
M_TRAP_HANDLER
TV_END
