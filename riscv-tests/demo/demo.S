# trapvisor demo: an M-mode program that prints through the UART and takes one trap of each kind
# into its own handler, then exits through HTIF. `npm start` runs it with --stats.
#include "tv.h"

#define UART 0x10000000
#define CLINT_MTIMECMP 0x02004000
#define CLINT_MTIME 0x0200bff8

        .macro PRINT label
        la a0, \label
        call puts
        .endm

TV_BEGIN
        la t0, handler
        csrw mtvec, t0
        PRINT msg_hello

        PRINT msg_ecall
        ecall                           # cause 11: environment call from M-mode

        PRINT msg_illegal
        .word 0xffffffff                # cause 2: illegal instruction (the handler skips it)

        PRINT msg_ebreak
        ebreak                          # cause 3: breakpoint

        PRINT msg_timer                 # machine timer interrupt in 500 ticks
        li t0, CLINT_MTIME
        lw t1, 0(t0)
        addi t1, t1, 500
        li t0, CLINT_MTIMECMP
        sw t1, 0(t0)
        sw zero, 4(t0)
        li t0, 1 << 7
        csrs mie, t0                    # MTIE
        csrsi mstatus, 8                # MIE
        la s1, timer_seen
1:      lw t0, 0(s1)
        beqz t0, 1b
        csrci mstatus, 8

        PRINT msg_user                  # drop to U-mode with MRET, come back with ECALL
        la t0, user_code
        csrw mepc, t0
        li t0, 3 << 11
        csrc mstatus, t0                # MPP = U
        mret
user_code:
        ecall                           # cause 8: environment call from U-mode
back_in_m:
        PRINT msg_done
        TV_PASS

# Trap handler: print the cause, then skip the instruction (exceptions) or silence the timer.
handler:
        csrr s2, mcause
        bltz s2, timer_irq
        la a0, msg_trap
        call puts
        mv a0, s2
        call putdec
        li a0, '\n'
        call putc
        li t0, 8
        beq s2, t0, from_user
        csrr t0, mepc
        addi t0, t0, 4
        csrw mepc, t0
        mret
from_user:
        li t0, 3 << 11
        csrs mstatus, t0                # stay in M after returning
        la t0, back_in_m
        csrw mepc, t0
        mret
timer_irq:
        la a0, msg_irq
        call puts
        li t0, CLINT_MTIMECMP
        li t1, -1
        sw t1, 4(t0)
        sw t1, 0(t0)
        la t0, timer_seen
        li t1, 1
        sw t1, 0(t0)
        mret

# puts(a0 = string), putc(a0 = char), putdec(a0 = small unsigned)
puts:   mv t2, a0
        li t0, UART
2:      lbu t1, 0(t2)
        beqz t1, 3f
        sb t1, 0(t0)
        addi t2, t2, 1
        j 2b
3:      ret
putc:   li t0, UART
        sb a0, 0(t0)
        ret
putdec: li t0, UART
        li t1, 10
        bltu a0, t1, 4f
        li t1, '1'
        sb t1, 0(t0)
        addi a0, a0, -10
4:      addi a0, a0, '0'
        sb a0, 0(t0)
        ret

TV_END

        .data
timer_seen: .word 0
msg_hello:   .string "hello from M-mode on trapvisor\n"
msg_ecall:   .string "executing ecall...\n"
msg_illegal: .string "executing an illegal instruction (0xffffffff)...\n"
msg_ebreak:  .string "executing ebreak...\n"
msg_timer:   .string "arming the CLINT timer and waiting...\n"
msg_user:    .string "dropping to U-mode, which makes an ecall...\n"
msg_trap:    .string "  trap handler: mcause = "
msg_irq:     .string "  trap handler: machine timer interrupt\n"
msg_done:    .string "back in M-mode; exiting through HTIF tohost with status 0\n"
