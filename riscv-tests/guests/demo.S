# Guest 4: demo. The bundled S-mode kernel for `npm start` (booted with --narrate and --stats): it
# says what it is about to do, then does it, one privileged event at a time (about 20 in all):
#   1. an SBI call (BASE get_spec_version >= 2.0);
#   2. csrr a0, mhartid from S-mode: the monitor emulates it (0);
#   3. rdtime twice: non-decreasing (hardware, or the monitor with --time-csr emulate);
#   4. lw from an odd address: the monitor emulates the misaligned load (exact value);
#   5. one supervisor timer interrupt via SBI set_timer; the handler cancels the timer;
#   6. a U-mode task: an ecall "write" system call, then an illegal instruction (csrr sstatus from U)
#      that the kernel's handler sees with scause 2 and stval = its bits, refuses (a0 = -1) and skips;
#      then an ecall "exit" back to the kernel;
#   7. SBI SRST shutdown (exit 0; exit 1 after "FAIL: ..." if a check failed).
# Presets: none and opensbi (default); not all (misaligned accesses and M-CSR reads would be the
# kernel's job, which this small kernel leaves to the monitor). Policies safe (default) or emulate;
# --time-csr native or emulate.
#include "guest.h"

#define SYS_WRITE 1
#define SYS_EXIT  2
#define CSRR_A0_SSTATUS 0x10002573      /* csrr a0, sstatus */

        .section .text.init
        .globl _start
_start:
        KERNEL_START kernel_entry

        PRINT "demo 1/7: an SBI call, BASE get_spec_version\n"
        SBI_CALL SBI_EXT_BASE, 0
        CHECK_EQ a0, SBI_SUCCESS, "BASE get_spec_version error"
        li t0, 0x02000000
        CHECK_LEU t0, a1, a1, "SBI spec version (at least 2.0)"

        PRINT "demo 2/7: csrr a0, mhartid from S-mode (an M-mode CSR)\n"
        li a0, -1
        csrr a0, mhartid
        CHECK_EQ a0, 0, "mhartid"

        PRINT "demo 3/7: rdtime twice\n"
        rdtime s0
        rdtime s1
        addi t1, s0, 1000
        CHECK_LEU s0, s1, t1, "second rdtime (within 1000 ticks after the first)"

        PRINT "demo 4/7: lw from an odd address (misaligned)\n"
        la t0, bytes
        lw a0, 1(t0)
        CHECK_EQ a0, 0x44332211, "misaligned lw"

        PRINT "demo 5/7: one timer interrupt, SBI set_timer(now + 2000)\n"
        rdtime a0
        addi a0, a0, 2000
        li a1, 0
        SBI_CALL SBI_EXT_TIME, 0
        CHECK_EQ a0, SBI_SUCCESS, "SBI set_timer"
        li t0, SIE_STIE
        csrs sie, t0
        csrsi sstatus, SSTATUS_SIE
        li t1, 100000
1:      lw t0, ticks
        bnez t0, 2f
        wfi
        addi t1, t1, -1
        bnez t1, 1b
2:      csrci sstatus, SSTATUS_SIE
        lw t0, ticks
        CHECK_EQ t0, 1, "timer interrupts"

        PRINT "demo 6/7: a U-mode task: ecall write, an illegal instruction, ecall exit\n"
        la t0, user_task
        csrw sepc, t0
        li t0, SSTATUS_SPP
        csrc sstatus, t0
        sret                            # to U-mode; SYS_EXIT resumes at user_exited in S
user_exited:
        la sp, __stack_top
        CHECK_EQ a0, 0, "U task exit code (1: the illegal instruction was not refused)"
        lw t0, illegal_seen
        CHECK_EQ t0, 1, "illegal instructions seen by the kernel"

        PRINT "demo 7/7: all checks passed, SBI SRST shutdown\n"
        PASS "demo"

# ---- the kernel's trap handler --------------------------------------------------------------------

kernel_entry:
        TRAP_ENTRY kernel_trap

# kernel_trap(a0 = frame): timer interrupt, system call from U, illegal instruction from U.
kernel_trap:
        addi sp, sp, -16
        sw ra, 12(sp)
        sw s0, 8(sp)
        mv s0, a0
        lw a1, FRAME_SCAUSE(s0)
        li t0, SCAUSE_INTR | CAUSE_S_TIMER
        beq a1, t0, timer
        li t0, CAUSE_ECALL_U
        beq a1, t0, syscall
        li t0, CAUSE_ILLEGAL
        beq a1, t0, illegal
        FAIL "unexpected trap (got = scause)"

timer:                                  # count it and cancel the timer
        lw t0, ticks
        addi t0, t0, 1
        sw t0, ticks, t1
        li a0, -1
        li a1, -1
        SBI_CALL SBI_EXT_TIME, 0
        j done

syscall:
        lw t0, FRAME_SEPC(s0)
        addi t0, t0, 4
        sw t0, FRAME_SEPC(s0)
        lw t0, REG(17)(s0)              # a7
        li t1, SYS_WRITE
        beq t0, t1, 1f
        la t0, user_exited              # SYS_EXIT: back to the kernel in S, a0 = exit code
        sw t0, FRAME_SEPC(s0)
        lw t0, FRAME_SSTATUS(s0)
        ori t0, t0, SSTATUS_SPP
        sw t0, FRAME_SSTATUS(s0)
        j done
1:      lw a0, REG(10)(s0)              # SYS_WRITE(a0 = string); a real kernel would check it
        call puts
        j done

illegal:
        lw a1, FRAME_STVAL(s0)
        CHECK_EQ a1, CSRR_A0_SSTATUS, "stval of the illegal instruction (its bits)"
        lw t0, illegal_seen
        addi t0, t0, 1
        sw t0, illegal_seen, t1
        li t0, -1                       # refuse: a0 = -1, continue after it
        sw t0, REG(10)(s0)
        lw t0, FRAME_SEPC(s0)
        addi t0, t0, 4
        sw t0, FRAME_SEPC(s0)
done:
        lw s0, 8(sp)
        lw ra, 12(sp)
        addi sp, sp, 16
        ret

# ---- the U-mode task ------------------------------------------------------------------------------
        .align 2
user_task:
        la a0, user_msg
        li a7, SYS_WRITE
        ecall
        csrr a0, sstatus                # not allowed in U-mode
        addi a0, a0, 1                  # -1 (refused) -> exit code 0
        li a7, SYS_EXIT
        ecall

        TRAP_FRAMES trap_frame

        .section .rodata
user_msg: .asciz "  hello from U-mode, through the kernel's write system call\n"
        .section .data
        .align 2
bytes:  .byte 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77
        .section .bss
        .align 2
ticks:          .space 4
illegal_seen:   .space 4
