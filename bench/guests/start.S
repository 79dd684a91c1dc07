/* S-mode entry of the benchmark guests (linked at 0x80400000, where QEMU virt's fw_dynamic boot and
 * `trapvisor boot` enter a kernel): a0 = hart id, a1 = device tree. Sets gp and sp, installs
 * trap_entry in stvec, clears .bss and calls main(hartid, dtb); main never returns (it ends the run
 * through guest_exit), but if it did, its return value would be the failure flag.
 *
 * trap_entry saves every register of the interrupted code and sepc, sstatus, scause, stval into a
 * struct frame (guest.h) on the kernel stack, calls trap_handler(frame) and returns
 * through trap_return with the (possibly edited) frame. sscratch is 0 while the kernel runs and
 * holds the kernel stack top while U-mode runs, so a trap from U switches stacks. A guest enters U
 * by building a frame (SPP = 0) at kernel_stack_top - FRAME_SIZE and calling trap_return. */
#define FRAME_SIZE    144
#define FRAME_SEPC    128
#define FRAME_SSTATUS 132
#define FRAME_SCAUSE  136
#define FRAME_STVAL   140
#define SSTATUS_SPP   0x100

        .section .text.init, "ax", @progbits
        .globl _start
_start:
        .option push
        .option norelax
        la gp, __global_pointer$
        .option pop
        la sp, __stack_top
        la t0, trap_entry
        csrw stvec, t0
        csrw sscratch, zero
        la t0, __bss_start
        la t1, __bss_end
1:      bgeu t0, t1, 2f
        sw zero, 0(t0)
        addi t0, t0, 4
        j 1b
2:      call main
        snez a0, a0
        /* fall through */

/* guest_exit(failed): SBI SRST shutdown, reason 0 (none) or 1 (system failure). */
        .globl guest_exit
guest_exit:
        snez a1, a0
        li a0, 0
        li a6, 0
        li a7, 0x53525354
        ecall
3:      wfi                     /* SRST does not return; nothing else to do if it did */
        j 3b

        .text
        .align 2
        .globl trap_entry
trap_entry:
        csrrw sp, sscratch, sp
        bnez sp, 4f             /* from U: sp = kernel stack top, sscratch = the task's sp */
        csrrw sp, sscratch, sp  /* from S: take sp back ... */
        csrw sscratch, sp       /* ... and keep it where the U path keeps the task's */
4:      addi sp, sp, -FRAME_SIZE
        .irp r, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
        sw x\r, 4*\r(sp)
        .endr
        csrr t0, sscratch
        sw t0, 8(sp)
        csrw sscratch, zero     /* the kernel runs: a nested trap stays on this stack */
        csrr t0, sepc
        sw t0, FRAME_SEPC(sp)
        csrr t0, sstatus
        sw t0, FRAME_SSTATUS(sp)
        csrr t0, scause
        sw t0, FRAME_SCAUSE(sp)
        csrr t0, stval
        sw t0, FRAME_STVAL(sp)
        mv a0, sp
        call trap_handler
        mv a0, sp
        /* fall through */

/* trap_return(frame): resume what the frame describes (sret to sepc in the mode of sstatus.SPP). */
        .globl trap_return
trap_return:
        mv sp, a0
        lw t0, FRAME_SEPC(sp)
        csrw sepc, t0
        lw t0, FRAME_SSTATUS(sp)
        csrw sstatus, t0
        andi t0, t0, SSTATUS_SPP
        bnez t0, 5f
        addi t0, sp, FRAME_SIZE /* back to U: its next trap lands on this stack */
        csrw sscratch, t0
5:      .irp r, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
        lw x\r, 4*\r(sp)
        .endr
        lw sp, 8(sp)
        sret
