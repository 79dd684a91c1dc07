# Guest 1: hello. An S-mode kernel that talks only to the SBI firmware (the trapvisor monitor):
#   - boot protocol: a0 = hart id 0, a1 = a device tree (FDT magic 0xd00dfeed, big-endian);
#   - DBCN console_write of a message, legacy console_putchar, DBCN console_write_byte;
#   - BASE: spec version >= 2.0, impl id/version, mvendorid/marchid/mimpid (all SBI_SUCCESS);
#   - BASE probe_extension = 1 for every implemented extension (BASE, TIME, IPI, RFNC, HSM, SRST,
#     DBCN, legacy putchar); an unknown extension probes 0 and a call to it is SBI_ERR_NOT_SUPPORTED;
#   - HSM hart_get_status(0) = STARTED (0), hart_get_status(7) = SBI_ERR_INVALID_PARAM;
#   - DBCN console_write with a buffer outside RAM (or base_hi != 0) = SBI_ERR_INVALID_PARAM;
#   - SRST: shutdown with reason none (exit 0), or reason system failure (exit 1) on any failed check.
# Takes no trap other than ECALL from S, so it applies to every --delegation preset, --time-csr and
# --csr-policy.
#include "guest.h"

        .section .text.init
        .globl _start
_start:
        la sp, __stack_top
        mv s0, a0
        mv s1, a1
        la a0, msg
        la a1, msg_end
        sub a1, a1, a0
        # DBCN console_write(num_bytes, base_lo, base_hi)
        mv a2, a0
        mv a0, a1
        mv a1, a2
        li a2, 0
        li a6, 0
        li a7, SBI_EXT_DBCN
        ecall
        CHECK_EQ a0, SBI_SUCCESS, "DBCN console_write error"
        la t0, msg_end
        la t1, msg
        sub t0, t0, t1
        CHECK_EQR a1, t0, "DBCN console_write bytes written"
        # legacy console_putchar for the newline
        li a0, '\n'
        li a7, SBI_EXT_LEGACY_PUTCHAR
        ecall
        CHECK_EQ a0, 0, "legacy console_putchar"

        # boot protocol
        CHECK_EQ s0, 0, "a0 at entry (hart id)"
        lw t0, 0(s1)
        CHECK_EQ t0, 0xedfe0dd0, "FDT magic at a1"

        # DBCN console_write_byte
        li a0, '>'
        SBI_CALL SBI_EXT_DBCN, 2
        CHECK_EQ a0, SBI_SUCCESS, "DBCN console_write_byte"
        li a0, ' '
        SBI_CALL SBI_EXT_DBCN, 2

        # BASE get_spec_version must be 2.0 or newer
        SBI_CALL SBI_EXT_BASE, 0
        CHECK_EQ a0, SBI_SUCCESS, "BASE get_spec_version error"
        mv s2, a1
        li t0, 0x02000000
        bgeu a1, t0, 1f
        FAIL "SBI spec version below 2.0"
1:      PRINT "SBI spec version "
        PRINT_HEX s2
        SBI_CALL SBI_EXT_BASE, 1
        CHECK_EQ a0, SBI_SUCCESS, "BASE get_impl_id error"
        mv s2, a1
        PRINT ", impl id "
        PRINT_HEX s2
        SBI_CALL SBI_EXT_BASE, 2
        CHECK_EQ a0, SBI_SUCCESS, "BASE get_impl_version error"
        mv s2, a1
        PRINT ", impl version "
        PRINT_HEX s2
        PRINT "\n"
        SBI_CALL SBI_EXT_BASE, 4
        CHECK_EQ a0, SBI_SUCCESS, "BASE get_mvendorid error"
        SBI_CALL SBI_EXT_BASE, 5
        CHECK_EQ a0, SBI_SUCCESS, "BASE get_marchid error"
        SBI_CALL SBI_EXT_BASE, 6
        CHECK_EQ a0, SBI_SUCCESS, "BASE get_mimpid error"

        # probe_extension: every implemented extension answers 1
        la s2, extensions
        la s3, extensions_end
2:      lw a0, 0(s2)
        mv s4, a0
        SBI_CALL SBI_EXT_BASE, 3
        CHECK_EQ a0, SBI_SUCCESS, "BASE probe_extension error"
        li t0, 1
        beq a1, t0, 3f
        PRINT "extension "
        PRINT_HEX s4
        PRINT " not available\n"
        li a1, 0
        FAIL "probe_extension of an implemented extension"
3:      addi s2, s2, 4
        bne s2, s3, 2b
        PRINT "probe_extension: BASE TIME IPI RFNC HSM SRST DBCN legacy = 1\n"

        # an unknown extension: probe 0, calling it SBI_ERR_NOT_SUPPORTED
        li a0, 0x0A11CE00
        SBI_CALL SBI_EXT_BASE, 3
        CHECK_EQ a0, SBI_SUCCESS, "probe of an unknown extension: error"
        CHECK_EQ a1, 0, "probe of an unknown extension"
        SBI_CALL 0x0A11CE00, 0
        CHECK_EQ a0, SBI_ERR_NOT_SUPPORTED, "call to an unknown extension"
        SBI_CALL SBI_EXT_BASE, 99
        CHECK_EQ a0, SBI_ERR_NOT_SUPPORTED, "unknown BASE function"

        # HSM hart_get_status
        li a0, 0
        SBI_CALL SBI_EXT_HSM, 2
        CHECK_EQ a0, SBI_SUCCESS, "HSM hart_get_status(0) error"
        CHECK_EQ a1, 0, "HSM hart_get_status(0) (STARTED)"
        li a0, 7
        SBI_CALL SBI_EXT_HSM, 2
        CHECK_EQ a0, SBI_ERR_INVALID_PARAM, "HSM hart_get_status(7)"

        # DBCN console_write with a buffer that is not RAM
        li a0, 4
        li a1, 0x00001000
        li a2, 0
        SBI_CALL SBI_EXT_DBCN, 0
        CHECK_EQ a0, SBI_ERR_INVALID_PARAM, "DBCN console_write from outside RAM"
        li a0, 4
        li a1, RAM_END - 2              # straddles the end of RAM
        li a2, 0
        SBI_CALL SBI_EXT_DBCN, 0
        CHECK_EQ a0, SBI_ERR_INVALID_PARAM, "DBCN console_write straddling the end of RAM"
        li a0, 4
        la a1, msg
        li a2, 1                        # base_addr_hi != 0: above 4 GiB
        SBI_CALL SBI_EXT_DBCN, 0
        CHECK_EQ a0, SBI_ERR_INVALID_PARAM, "DBCN console_write with base_hi = 1"

        PASS "hello"

        .section .rodata
        .align 2
extensions:
        .word SBI_EXT_BASE, SBI_EXT_TIME, SBI_EXT_IPI, SBI_EXT_RFENCE, SBI_EXT_HSM, SBI_EXT_SRST
        .word SBI_EXT_DBCN, SBI_EXT_LEGACY_PUTCHAR
extensions_end:
msg:    .ascii "hello from S-mode, via the trapvisor monitor's SBI debug console"
msg_end:
