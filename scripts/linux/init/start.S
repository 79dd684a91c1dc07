/* Entry point of the trapvisor /init: freestanding RV32, no libc.
 * The kernel starts us with sp pointing at argc; we only need a valid gp and a 16-byte aligned sp. */
	.section .text.start, "ax"
	.globl _start
_start:
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	andi	sp, sp, -16
	call	init_main
	/* init_main never returns (it powers off); if it did, spin in exit_group. */
1:	li	a0, 127
	li	a7, 94
	ecall
	j	1b
