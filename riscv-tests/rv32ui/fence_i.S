/* fence.i: after storing to instruction memory, fence.i makes the new
 * instructions visible to instruction fetch on this hart (self-modifying code). */
#include "ui_macros.h"
TV_BEGIN
        /* 1. a function that is run once (so an emulator may have cached it),
              then patched, fenced, and run again */
        li TESTNUM, 1
        jal ra, patch_fn
        li t0, 1
        bne a0, t0, fail
        li TESTNUM, 2
        la a1, patch_fn
        la a2, tmpl_li2
        lw a3, 0(a2)                /* the word for "addi a0, x0, 2" */
        sw a3, 0(a1)
        fence.i
        jal ra, patch_fn
        li t0, 2
        bne a0, t0, fail

        /* 2. patch the same instruction repeatedly: bump addi's immediate
              (imm field starts at bit 20) and run it after every fence.i */
        li TESTNUM, 3
        li a4, 2                    /* value the function returns now */
        li a5, 12                   /* stop after returning 12 */
        li a6, 1 << 20
10:     lw a3, 0(a1)
        add a3, a3, a6
        sw a3, 0(a1)
        addi a4, a4, 1
        fence.i
        jal ra, patch_fn
        bne a0, a4, fail
        bne a4, a5, 10b

        /* 3. patch the instruction two slots ahead of the store, in straight-line code */
        li TESTNUM, 4
        la a1, 11f
        la a2, tmpl_li5
        lw a3, 0(a2)                /* "addi a0, x0, 5" */
        li a0, 0
        sw a3, 0(a1)
        fence.i
11:     addi a0, x0, 1              /* replaced before it ever runs */
        li t0, 5
        bne a0, t0, fail

        /* 4. replace a whole sequence: copy code into a data buffer and run it there */
        li TESTNUM, 5
        la a1, code_src
        la a2, code_buf
        li a3, 4                    /* words to copy */
12:     lw t0, 0(a1)
        sw t0, 0(a2)
        addi a1, a1, 4
        addi a2, a2, 4
        addi a3, a3, -1
        bnez a3, 12b
        fence.i
        li a0, 0
        la a1, code_buf
        jalr ra, 0(a1)
        li t0, 0x78
        bne a0, t0, fail

        /* 5. overwrite the buffer with different code, fence.i, run again */
        li TESTNUM, 6
        la a1, code_buf
        la a2, tmpl_li2
        lw a3, 0(a2)                /* "addi a0, x0, 2" over the first word */
        sw a3, 0(a1)
        fence.i
        jalr ra, 0(a1)              /* addi a0,x0,2 ; addi a0,a0,1 ; ... -> 0x2 + 1 */
        li t0, 3
        bne a0, t0, fail

        /* 6. reserved fields of fence.i (imm, rs1, rd) are ignored: rd = a0 kept */
        li TESTNUM, 7
        li a0, 0x5a5a5a5a
        .word 0x1235950f            /* fence.i with imm = 0x123, rs1 = x11, rd = x10 */
        li t0, 0x5a5a5a5a
        bne a0, t0, fail
        TV_PASS

patch_fn:
        addi a0, x0, 1
        ret

code_src:                           /* position independent, copied to code_buf */
        addi a0, x0, 0x77
        addi a0, a0, 1
        ret
        nop
TV_END

        .data
        .align 4
tmpl_li2: addi a0, x0, 2            /* instruction words used as data */
tmpl_li5: addi a0, x0, 5
        .align 4
code_buf: .word 0, 0, 0, 0
