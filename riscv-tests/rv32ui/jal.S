/* jal rd, off: rd = pc + 4; pc = pc + sext(off21). */
#include "ui_macros.h"
TV_BEGIN
        /* forward, link in ra */
        li TESTNUM, 1
        li ra, 0
        jal ra, 10f
11:     j fail
10:     la t0, 11b
        bne ra, t0, fail

        /* backward, link in a non-ra register */
        li TESTNUM, 2
        j 12f
13:     j 14f                       /* backward target */
        j fail
12:     jal a5, 13b
15:     j fail
14:     la t0, 15b
        bne a5, t0, fail

        /* jal x0 ("j"): no link is written anywhere */
        li TESTNUM, 3
        li ra, 0x1234
        li a0, 0
        jal x0, 16f
        li a0, 1                    /* skipped */
16:     bnez a0, fail
        bnez x0, fail
        li t0, 0x1234
        bne ra, t0, fail

        /* offset +4: jump to the next instruction; link == target */
        li TESTNUM, 4
        jal a2, 17f
17:     la t0, 17b
        bne a2, t0, fail

        /* far forward over 8 KiB, far backward over 8 KiB (exercises imm bits 11..13) */
        li TESTNUM, 5
        jal a3, 18f
19:     .fill 2048, 4, 0            /* landing here traps (illegal instruction) */
18:     la t0, 19b
        bne a3, t0, fail
        j 20f
21:     la t0, 22f
        bne a4, t0, fail
        j 23f
        .fill 2048, 4, 0
20:     li TESTNUM, 6
        jal a4, 21b
22:     j fail
23:
        /* call / return: the link value is usable by jalr */
        li TESTNUM, 7
        li a0, 40
        jal ra, add_two
        jal ra, add_two
        li t0, 44
        bne a0, t0, fail

        /* the old content of rd is simply overwritten */
        li TESTNUM, 8
        li t1, -1
        jal t1, 24f
25:     j fail
24:     la t0, 25b
        bne t1, t0, fail
        TV_PASS

add_two:
        addi a0, a0, 2
        jalr x0, 0(ra)
TV_END
