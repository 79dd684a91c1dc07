# Guest 3: privileged. What happens when an S-mode kernel does what only M-mode (or nobody) may do.
# Checks, each printed with the outcome the kernel observed:
#   - csrr mhartid / misa / mvendorid: either emulated by the monitor (values 0, misa = RV32 + I + S + U (+ M/A/C per --isa), 0) or
#     delivered to this kernel as an illegal instruction (scause 2, stval = the instruction's bits,
#     sepc = its address; the kernel skips it). All three must have the same outcome.
#   - csrw mscratch: either emulated (then mscratch is a shadow: csrr reads the value back, csrrs and
#     csrrc modify it, and the reads above must have been emulated too) or an illegal instruction
#     (then csrr mscratch is one as well). csrw mhartid (read-only) is always an illegal instruction.
#   - rdtime twice: non-decreasing and within 1000 ticks (hardware, monitor, or this kernel when the
#     illegal instruction reaches it: --delegation all --time-csr emulate).
#   - misaligned lw/lh/lhu/sw/sh at odd addresses with exact values (sign extension of lh, bytes
#     around a store untouched).
#   - a misaligned lw at RAM end - 2, lh at RAM end - 1 and sw at RAM end - 1: a load/store access
#     fault with stval = 0x88000000 (the first byte past RAM); an aligned lw at RAM end: the same.
#   - ebreak: breakpoint, scause 3, sepc = its address, stval = its address or 0; wfi (TW = 0) does
#     not trap.
# Presets: none and opensbi (the monitor emulates misaligned accesses and forwards the faults), and
# all (the hart delegates misaligned accesses to this kernel: its stvec handler emulates them byte by
# byte and raises the access fault itself for a byte outside RAM; it prints which happened).
# Policies: safe (reads emulated, writes forwarded), emulate (all emulated), forward (all forwarded);
# not terminate, which ends the run at the first M-CSR access by design. --time-csr native or emulate.
# Assumes the default 128 MiB of RAM (RAM_END in guest.h).
#include "guest.h"

# TRY insn: run one instruction that may trap; afterwards `trapped` says whether it did, and
# last_cause / last_tval / last_epc describe the trap (the handler skipped the instruction).
.macro TRY insn:vararg
        sw zero, trapped, t6
        la t5, .Ltry\@
        sw t5, try_pc, t6
.Ltry\@: \insn
.endm

# M_CSR_READ csr, expected, bit, mask: read an M-mode CSR; emulated -> check (value & mask) and set `bit` in s4.
.macro M_CSR_READ csr, expected, bit, mask=-1
        PRINT "csrr a0, \csr: "
        li a0, 0x5a5a5a5a
        TRY csrr a0, \csr
        mv s2, a0
        lw t0, trapped
        beqz t0, .Lemul\@
        call check_illegal
        PRINT "illegal instruction, handled by this kernel\n"
        j .Ldone\@
.Lemul\@:
        li t0, \mask
        and s3, s2, t0
        CHECK_EQ s3, \expected, "emulated \csr"
        ori s4, s4, \bit
        PRINT "emulated by the monitor = "
        PRINT_HEX s2
        PRINT "\n"
.Ldone\@:
.endm

        .section .text.init
        .globl _start
_start:
        KERNEL_START strap
        li s4, 0                        # emulated M-CSR accesses, one bit each

        M_CSR_READ mhartid, 0, 1
        M_CSR_READ misa, 0x40140100, 2, 0xffffeffa  # RV32 with I, S, U (M, A, C masked: they follow --isa)
        M_CSR_READ mvendorid, 0, 4
        andi t0, s4, 7
        beqz t0, 1f
        CHECK_EQ t0, 7, "mhartid/misa/mvendorid emulated alike (bits: which were)"
1:
        PRINT "csrw mscratch, a0: "
        li a0, 0x13579bdf
        TRY csrw mscratch, a0
        lw t0, trapped
        beqz t0, 2f
        call check_illegal
        PRINT "illegal instruction, handled by this kernel\n"
        PRINT "csrr a1, mscratch: "
        TRY csrr a1, mscratch
        lw t0, trapped
        CHECK_EQ t0, 1, "csrr mscratch after a forwarded write (1: forwarded too)"
        call check_illegal
        PRINT "forwarded too\n"
        j 3f
2:      PRINT "emulated by the monitor (shadow)\n"
        andi t0, s4, 7
        CHECK_EQ t0, 7, "M-CSR reads emulated when writes are (bits: which were)"
        TRY csrr a1, mscratch
        lw t0, trapped
        CHECK_EQ t0, 0, "csrr mscratch after an emulated write (trapped)"
        CHECK_EQ a1, 0x13579bdf, "mscratch shadow read back"
        li t1, 0x0f000000
        TRY csrrs a1, mscratch, t1
        CHECK_EQ a1, 0x13579bdf, "csrrs mscratch old value"
        li t1, 0x0000000f
        TRY csrrc a1, mscratch, t1
        CHECK_EQ a1, 0x1f579bdf, "csrrc mscratch old value (after csrrs)"
        TRY csrr a1, mscratch
        CHECK_EQ a1, 0x1f579bd0, "mscratch after csrrs and csrrc"
        PRINT "csrr/csrrs/csrrc mscratch: shadow value as written\n"
3:
        PRINT "csrw mhartid, zero (read-only): "
        TRY csrw mhartid, zero
        lw t0, trapped
        CHECK_EQ t0, 1, "csrw mhartid trapped"
        call check_illegal
        PRINT "illegal instruction\n"

        PRINT "rdtime twice: "
        rdtime s2
        rdtime s3
        addi t1, s2, 1000
        CHECK_LEU s2, s3, t1, "second rdtime (within 1000 ticks after the first)"
        PRINT "non-decreasing, "
        sub t0, s3, s2
        PRINT_HEX t0
        PRINT " ticks apart\n"

        PRINT "misaligned lw/lh/lhu/sw/sh at odd addresses: "
        la s5, rbuf
        lw a0, 1(s5)
        CHECK_EQ a0, 0x55443322, "lw at rbuf+1"
        lw a0, 3(s5)
        CHECK_EQ a0, 0x77665544, "lw at rbuf+3"
        lw a0, 6(s5)
        CHECK_EQ a0, 0xaa998877, "lw at rbuf+6"
        lh a0, 7(s5)
        CHECK_EQ a0, 0xffff9988, "lh at rbuf+7 (sign-extended)"
        lh a0, 1(s5)
        CHECK_EQ a0, 0x00003322, "lh at rbuf+1"
        lhu a0, 7(s5)
        CHECK_EQ a0, 0x00009988, "lhu at rbuf+7"
        lhu a0, 13(s5)
        CHECK_EQ a0, 0x0000ffee, "lhu at rbuf+13"
        la s6, wbuf
        li t1, 0xcafebabe
        sw t1, 1(s6)
        li t1, 0x1234
        sh t1, 7(s6)
        lw a0, 0(s6)
        CHECK_EQ a0, 0xfebabe00, "wbuf word 0 after sw at wbuf+1"
        lw a0, 4(s6)
        CHECK_EQ a0, 0x340000ca, "wbuf word 1 after sw at wbuf+1 and sh at wbuf+7"
        lw a0, 8(s6)
        CHECK_EQ a0, 0x00000012, "wbuf word 2 after sh at wbuf+7"
        lw a0, 12(s6)
        CHECK_EQ a0, 0, "wbuf word 3 (untouched)"
        lw t0, kernel_misaligned
        bnez t0, 4f
        PRINT "correct, emulated by the monitor\n"
        j 5f
4:      PRINT "correct, emulated by this kernel's handler\n"
5:
        PRINT "misaligned accesses straddling the end of RAM: "
        li s6, RAM_END - 2
        TRY lw a0, 0(s6)
        li a0, CAUSE_LOAD_FAULT
        call check_fault
        li s6, RAM_END - 1
        TRY lh a0, 0(s6)
        li a0, CAUSE_LOAD_FAULT
        call check_fault
        li t1, 0x01020304
        TRY sw t1, 0(s6)
        li a0, CAUSE_STORE_FAULT
        call check_fault
        li s6, RAM_END
        TRY lw a0, 0(s6)
        li a0, CAUSE_LOAD_FAULT
        call check_fault
        lw t0, kernel_synthesized
        bnez t0, 6f
        PRINT "access faults at 0x88000000 forwarded by the monitor\n"
        j 7f
6:      PRINT "access faults at 0x88000000 (raised by this kernel's misaligned handler: "
        lw t0, kernel_synthesized
        PRINT_HEX t0
        PRINT ")\n"
7:
        PRINT "ebreak: "
        TRY ebreak
        lw t0, trapped
        CHECK_EQ t0, 1, "ebreak trapped"
        lw t0, last_cause
        CHECK_EQ t0, CAUSE_BREAKPOINT, "ebreak scause"
        lw t0, last_epc
        lw t1, try_pc
        CHECK_EQR t0, t1, "ebreak sepc"
        lw t0, last_tval
        beqz t0, 8f
        CHECK_EQR t0, t1, "ebreak stval (its address or 0)"
8:      PRINT "breakpoint, scause 3\n"
        PRINT "wfi: "
        TRY wfi
        lw t0, trapped
        CHECK_EQ t0, 0, "wfi in S with TW = 0 trapped"
        PRINT "no trap\n"
        PASS "privileged"

# check_illegal(): the last TRY trapped as an illegal instruction with stval = its bits.
check_illegal:
        lw t0, trapped
        CHECK_EQ t0, 1, "trapped"
        lw t0, last_cause
        CHECK_EQ t0, CAUSE_ILLEGAL, "scause of a forwarded M-CSR access"
        lw t0, last_epc
        lw t1, try_pc
        CHECK_EQR t0, t1, "sepc of a forwarded M-CSR access"
        lw t1, 0(t1)
        lw t0, last_tval
        CHECK_EQR t0, t1, "stval of a forwarded M-CSR access (the instruction's bits)"
        ret

# check_fault(a0 = expected cause): the last TRY raised it with stval = RAM_END.
check_fault:
        lw t0, trapped
        CHECK_EQ t0, 1, "access past the end of RAM trapped"
        lw t0, last_cause
        CHECK_EQR t0, a0, "scause of an access past the end of RAM"
        lw t0, last_epc
        lw t1, try_pc
        CHECK_EQR t0, t1, "sepc of an access past the end of RAM"
        lw t0, last_tval
        CHECK_EQ t0, RAM_END, "stval of an access past the end of RAM (first faulting byte)"
        ret

# ---- trap handling ------------------------------------------------------------------------------

strap:
        TRAP_ENTRY kernel_trap

# kernel_trap(a0 = frame): emulate rdtime and misaligned accesses when they reach this kernel;
# record (cause, tval, epc) of everything else and skip the instruction.
kernel_trap:
        addi sp, sp, -16
        sw ra, 12(sp)
        sw s0, 8(sp)
        sw s1, 4(sp)
        mv s0, a0
        lw s1, FRAME_SCAUSE(s0)
        bltz s1, unexpected
        li t0, CAUSE_ILLEGAL
        bne s1, t0, 1f
        lw a1, FRAME_STVAL(s0)
        mv a0, s0
        call kernel_emulate_time
        bnez a0, trap_done
        j record
1:      li t0, CAUSE_LOAD_MISALIGNED
        beq s1, t0, misaligned
        li t0, CAUSE_STORE_MISALIGNED
        beq s1, t0, misaligned
        li t0, CAUSE_BREAKPOINT
        beq s1, t0, record
        li t0, CAUSE_LOAD_FAULT
        beq s1, t0, record
        li t0, CAUSE_STORE_FAULT
        beq s1, t0, record
unexpected:
        UNEXPECTED_TRAP

record:                                 # s1 = cause
        lw a1, FRAME_STVAL(s0)
record_as:                              # s1 = cause, a1 = tval
        lw t0, trapped
        CHECK_EQ t0, 0, "a second trap from one TRY"
        li t0, 1
        sw t0, trapped, t1
        sw s1, last_cause, t1
        sw a1, last_tval, t1
        lw t0, FRAME_SEPC(s0)
        sw t0, last_epc, t1
skip:
        lw t0, FRAME_SEPC(s0)
        addi t0, t0, 4
        sw t0, FRAME_SEPC(s0)
trap_done:
        lw s1, 4(sp)
        lw s0, 8(sp)
        lw ra, 12(sp)
        addi sp, sp, 16
        ret

# A misaligned lw/lh/lhu/sw/sh delegated to this kernel: done byte by byte in RAM; a byte outside
# RAM becomes an access fault at that byte, recorded as if it had been delivered.
misaligned:
        lw t0, FRAME_SEPC(s0)
        lw a1, 0(t0)                    # the instruction
        lw a2, FRAME_STVAL(s0)          # the address
        srli t1, a1, 12
        andi t1, t1, 3
        li t2, 1
        sll t2, t2, t1                  # size
        li t3, 0                        # i
1:      add t0, a2, t3
        li t4, RAM_BASE
        sub t4, t0, t4
        li t5, RAM_END - RAM_BASE
        bgeu t4, t5, 5f                 # byte i is outside RAM
        addi t3, t3, 1
        bltu t3, t2, 1b
        andi t0, a1, 0x7f
        li t1, 0x23
        beq t0, t1, 3f
        li t3, 0                        # load: v = bytes little-endian
        li t4, 0
2:      add t0, a2, t3
        lbu t0, 0(t0)
        slli t1, t3, 3
        sll t0, t0, t1
        or t4, t4, t0
        addi t3, t3, 1
        bltu t3, t2, 2b
        srli t0, a1, 12
        andi t0, t0, 7
        li t1, 1                        # lh: sign-extend
        bne t0, t1, 6f
        slli t4, t4, 16
        srai t4, t4, 16
6:      srli t0, a1, 7
        andi t0, t0, 31
        beqz t0, 4f
        slli t0, t0, 2
        add t0, s0, t0
        sw t4, 0(t0)
        j 4f
3:      srli t0, a1, 20                 # store: v = frame[rs2]
        andi t0, t0, 31
        slli t0, t0, 2
        add t0, s0, t0
        lw t4, 0(t0)
        li t3, 0
7:      add t0, a2, t3
        sb t4, 0(t0)
        srli t4, t4, 8
        addi t3, t3, 1
        bltu t3, t2, 7b
4:      lw t0, kernel_misaligned
        addi t0, t0, 1
        sw t0, kernel_misaligned, t1
        j skip
5:      lw t1, kernel_synthesized       # t0 = the first byte outside RAM
        addi t1, t1, 1
        sw t1, kernel_synthesized, t2
        mv a1, t0                       # cause: load 5, store 7
        lw t0, FRAME_SEPC(s0)
        lw t0, 0(t0)
        andi t0, t0, 0x7f
        li s1, CAUSE_LOAD_FAULT
        li t1, 0x23
        bne t0, t1, record_as
        li s1, CAUSE_STORE_FAULT
        j record_as

        TRAP_FRAMES trap_frame

        .section .data
        .align 4
rbuf:   .byte 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88
        .byte 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00
wbuf:   .word 0, 0, 0, 0

        .section .bss
        .align 2
trapped:            .space 4
try_pc:             .space 4
last_cause:         .space 4
last_tval:          .space 4
last_epc:           .space 4
kernel_misaligned:  .space 4
kernel_synthesized: .space 4
