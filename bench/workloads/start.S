/* Reset stub for the benchmark workloads (riscv-tests ELF format, see riscv-tests/env/tv.h):
 * M-mode at 0x80000000, gp/sp set, .bss cleared, main() called; its return value r goes to the
 * 64-bit HTIF `tohost` word as (r << 1) | 1, low word then high word: r = 0 is a pass.
 * A trap the workload did not expect fails with 0x400 + mcause. */
        .section .text.init, "ax", @progbits
        .globl _start
_start:
        .option push
        .option norelax
        la gp, __global_pointer$
        .option pop
        la t0, unexpected_trap
        csrw mtvec, t0
        la sp, stack_top
        la t0, __bss_start
        la t1, __bss_end
1:      bgeu t0, t1, 2f
        sw zero, 0(t0)
        addi t0, t0, 4
        j 1b
2:      call main
        .globl exit
exit:   slli a0, a0, 1
        ori a0, a0, 1
        la t0, tohost
        sw a0, 0(t0)
        sw zero, 4(t0)
3:      j 3b

        .align 2
        .globl unexpected_trap
unexpected_trap:
        csrr a0, mcause
        andi a0, a0, 0x3f
        addi a0, a0, 0x400
        j exit

        .section .tohost, "aw", @progbits
        .align 6
        .globl tohost
        .type tohost, @object
        .size tohost, 8
tohost: .dword 0
        .align 6
        .globl fromhost
        .type fromhost, @object
        .size fromhost, 8
fromhost: .dword 0

        .bss
        .align 4
        .skip 16384
stack_top:
