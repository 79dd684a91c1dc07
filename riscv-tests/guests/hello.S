# Guest 1: hello. An S-mode kernel that prints through the SBI debug console (DBCN) and the legacy
# console, checks the SBI spec version, then shuts down with SBI SRST (reason none: exit 0).
        .section .text.init
        .globl _start
_start:
        la a0, msg
        la a1, msg_end
        sub a1, a1, a0
        # DBCN console_write(num_bytes, base_lo, base_hi)
        mv a2, a0
        mv a0, a1
        mv a1, a2
        li a2, 0
        li a6, 0
        li a7, 0x4442434e
        ecall
        bnez a0, failure
        # legacy console_putchar for the newline
        li a0, '\n'
        li a7, 0x01
        ecall
        # BASE get_spec_version must be 2.0 or newer
        li a6, 0
        li a7, 0x10
        ecall
        bnez a0, failure
        li t0, 0x02000000
        bltu a1, t0, failure
        li a0, 0                # SRST shutdown, reason none
        li a1, 0
        j reset
failure:
        li a0, 0
        li a1, 1                # reason: system failure
reset:
        li a6, 0
        li a7, 0x53525354
        ecall
1:      j 1b

        .section .rodata
msg:    .ascii "hello from S-mode, via the trapvisor monitor's SBI debug console"
msg_end:
