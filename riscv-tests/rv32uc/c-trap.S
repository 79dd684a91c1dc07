/* Traps and RV32C (M-mode, with a handler that skips the trapping instruction by its
 * own length, 2 or 4 bytes):
 *   - the all-zero halfword is illegal: mcause 2, mepc = it, mtval = 0;
 *   - reserved 16-bit encodings are illegal with mtval = the 16 bits (zero-extended):
 *     C.LWSP rd=x0 (0x4002), C.JR rs1=x0 (0x8002), C.ADDI4SPN imm=0 (0x0004),
 *     C.ADDI16SP imm=0 (0x6101), C.LUI imm=0 (0x6501), the RV64-only C.SUBW/C.ADDW;
 *   - C.EBREAK: mcause 3, mepc = its address (at word and 2 mod 4 addresses);
 *   - faults from C.LW / C.SW / C.LWSP / C.SWSP: mepc = the 16-bit instruction;
 *   - a 32-bit ECALL at a 2 mod 4 address: mepc = that address;
 *   - MRET to a 2 mod 4 address; mepc keeps bit 1 with C enabled.
 * Written from the RISC-V unprivileged (C extension) and privileged specs for trapvisor.
 */
#include "../rv32mi/priv_macros.h"

#define IS_ODD_HALF(n, label)                                     \
        la t0, label;                                             \
        andi t0, t0, 3;                                           \
        TV_CHECK_REG(n, t0, 2)

/* The halfword is executed and must be illegal with mtval = its bits.
 * pad is either empty (the halfword is at a word address) or c.nop (2 mod 4). */
#define ILLEGAL16_AT(n, bits, pad)                                \
        li t0, 0x5555;                                            \
        csrw mtval, t0;                                           \
        TRAP_CLEAR;                                               \
        li a0, 0x77;                                              \
        .balign 4;                                                \
        pad;                                                      \
n:      .half bits;                                               \
        addi a0, a0, 1;   /* runs after the handler skips 2 bytes */ \
        CHECK_MTRAP(n, CAUSE_ILLEGAL_INSN, n##b);                 \
        TV_CHECK_REG(n, s11, bits);                               \
        TV_CHECK_REG(n, a0, 0x78)
#define ILLEGAL16(n, bits)      ILLEGAL16_AT(n, bits, )
#define ILLEGAL16_ODD(n, bits)  ILLEGAL16_AT(n, bits, c.nop); IS_ODD_HALF(n, n##b)

/* The instruction at label n must trap with cause and mtval = addr. */
#define FAULT(n, cause, addr, ...)                                \
        TRAP_CLEAR;                                               \
        .balign 4;                                                \
n:      __VA_ARGS__;                                              \
        CHECK_MTRAP(n, cause, n##b);                              \
        TV_CHECK_REG(n, s11, addr)

#define FAULT_ODD(n, cause, addr, ...)                            \
        TRAP_CLEAR;                                               \
        .balign 4;                                                \
        c.nop;                                                    \
n:      __VA_ARGS__;                                              \
        CHECK_MTRAP(n, cause, n##b);                              \
        TV_CHECK_REG(n, s11, addr);                               \
        IS_ODD_HALF(n, n##b)

TV_BEGIN
        SET_MTVEC(c_trap_rec)

        /* 1-2: the all-zero halfword, at a word address and at 2 mod 4 */
        ILLEGAL16(1, 0x0000)
        ILLEGAL16_ODD(2, 0x0000)

        /* 3-10: reserved encodings */
        ILLEGAL16(3, 0x4002)        /* C.LWSP x0 */
        ILLEGAL16(4, 0x8002)        /* C.JR x0 */
        ILLEGAL16(5, 0x0004)        /* C.ADDI4SPN s1, sp, 0 */
        ILLEGAL16(6, 0x6101)        /* C.ADDI16SP sp, 0 */
        ILLEGAL16(7, 0x6501)        /* C.LUI a0, 0 */
        ILLEGAL16(8, 0x9c01)        /* C.SUBW s0, s0 (RV64 only) */
        ILLEGAL16(9, 0x9c21)        /* C.ADDW s0, s0 (RV64 only) */
        ILLEGAL16_ODD(10, 0x5002)   /* C.LWSP x0, with an offset, at 2 mod 4 */

        /* 11-12: C.EBREAK */
        .balign 4
        TRAP_CLEAR
11:     c.ebreak
        CHECK_MTRAP(11, CAUSE_BREAKPOINT, 11b)
        TRAP_CLEAR
        .balign 4
        c.nop
12:     c.ebreak
        CHECK_MTRAP(12, CAUSE_BREAKPOINT, 12b)
        IS_ODD_HALF(12, 12b)

        /* 13-17: access faults from compressed loads and stores (nothing at 0x40000000) */
        li s0, 0x40000000
        li a0, 0x1234
        FAULT(13, CAUSE_LOAD_ACCESS, 0x40000000, c.lw a0, 0(s0))
        TV_CHECK_REG(13, a0, 0x1234)
        FAULT_ODD(14, CAUSE_LOAD_ACCESS, 0x4000007c, c.lw a0, 124(s0))
        TV_CHECK_REG(14, a0, 0x1234)
        FAULT(15, CAUSE_STORE_ACCESS, 0x40000040, c.sw a0, 64(s0))
        li sp, 0x40000000
        FAULT(16, CAUSE_LOAD_ACCESS, 0x400000fc, c.lwsp a0, 252(sp))
        FAULT_ODD(17, CAUSE_STORE_ACCESS, 0x40000008, c.swsp a0, 8(sp))
        la sp, tv_stack_top

        /* 18: a 32-bit ECALL at a 2 mod 4 address: mepc = it, the handler skips 4 */
        TRAP_CLEAR
        .balign 4
        c.nop
        .option push
        .option norvc
18:     ecall
        .option pop
        CHECK_MTRAP(18, CAUSE_ECALL_M, 18b)
        IS_ODD_HALF(18, 18b)

        /* 19: mepc holds bit 1 (bit 0 is covered by rv32mi/xepc-lowbits.S) */
        li t0, 0x80000002
        csrw mepc, t0
        csrr t1, mepc
        TV_CHECK_REG(19, t1, 0x80000002)

        /* 21-22: MRET to a 2 mod 4 address (MPP = M) */
        li t0, MSTATUS_MPP
        csrs mstatus, t0
        la t0, 21f
        csrw mepc, t0
        TRAP_CLEAR
        mret
        j fail
        .balign 4
        c.nop
21:     IS_ODD_HALF(21, 21b)
        CHECK_NO_TRAP(22)

        /* 23: the handler really returns to the next 16-bit instruction: a chain of
         * traps and compressed instructions */
        li a0, 0
        TRAP_CLEAR
        c.addi a0, 1
        c.ebreak
        c.addi a0, 2
        .half 0x0000
        c.addi a0, 4
        TV_CHECK_REG(23, a0, 7)
        TV_CHECK_REG(23, s8, 2)
        TV_PASS

/* Recording handler (s8 = count, s9 = mcause, s10 = mepc, s11 = mtval) that resumes
 * after the trapping instruction, whose length it reads from its low two bits. */
        .balign 64
c_trap_rec:
        csrr s9, mcause
        csrr s10, mepc
        csrr s11, mtval
        addi s8, s8, 1
        lhu t5, 0(s10)
        andi t5, t5, 3
        addi t5, t5, -3
        beqz t5, 1f
        addi t5, s10, 2
        j 2f
1:      addi t5, s10, 4
2:      csrw mepc, t5
        mret
TV_END
