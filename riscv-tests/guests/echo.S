# Guest: console input. Reads one line of keyboard input three ways — SBI DBCN console_read, the
# legacy console_getchar, and the NS16550A's receive register (polling LSR.DR) — and echoes what it
# read, then shuts down. With no input at all (stdin empty or /dev/null) every path reports "none".
# The input is consumed in that order: first byte via DBCN read, the next via getchar, the rest of
# the line via the UART. Applies to every preset.
#include "guest.h"

#define UART_RBR 0x10000000
#define UART_LSR 0x10000005

        .section .text.init
        .globl _start
_start:
        KERNEL_START strap
        # 1. DBCN console_read(1 byte) into buf
        li a0, 1
        la a1, buf
        li a2, 0
        SBI_CALL SBI_EXT_DBCN, 1
        mv s2, a1
        CHECK_EQ a0, 0, "DBCN console_read error"
        PRINT "echo: dbcn read "
        PRINT_HEX s2
        PRINT " byte(s): "
        la t0, buf
        lbu a0, 0(t0)
        beqz s2, 3f
        SBI_CALL SBI_EXT_LEGACY_PUTCHAR, 0
3:      PRINT "\n"
        # 2. legacy getchar: the next byte or -1
        SBI_CALL SBI_EXT_LEGACY_GETCHAR, 0
        mv s1, a0
        PRINT "echo: getchar "
        PRINT_HEX s1
        PRINT "\n"
        # 3. UART: drain whatever is left of the line
        PRINT "echo: uart line: "
        li t0, UART_LSR
        li t1, UART_RBR
1:      lbu t2, 0(t0)
        andi t2, t2, 1
        beqz t2, 2f
        lbu a0, 0(t1)
        li t3, '\n'
        beq a0, t3, 2f
        SBI_CALL SBI_EXT_LEGACY_PUTCHAR, 0
        li t0, UART_LSR
        li t1, UART_RBR
        j 1b
2:      PRINT "\n"
        PASS echo

strap:
        FAIL "unexpected trap"

        .data
buf:    .word 0
        TRAP_FRAMES trap_frame
