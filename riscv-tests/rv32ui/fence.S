/* fence pred, succ (and fence.tso): memory ordering only. On a single hart they
 * change no register and no memory, and the program continues at pc + 4.
 * The rd / rs1 fields are reserved and must be ignored; reserved fm / pred / succ
 * combinations must behave as a normal fence. */
#include "ui_macros.h"
TV_BEGIN
        la a1, buf
        li a0, 0xa0a0a0a0
        li a2, 0x11111111
        /* store, fence, load: the load sees the store */
        sw a2, 0(a1)
        fence
        lw a3, 0(a1)
        TV_CHECK_REG(1, a3, 0x11111111)
        /* each assembler form in turn */
        li a2, 0x22222222
        sw a2, 4(a1)
        fence rw, rw
        lw a3, 4(a1)
        TV_CHECK_REG(2, a3, 0x22222222)
        fence r, r
        fence w, w
        fence r, w
        fence w, r
        fence i, o
        fence o, i
        fence io, rw
        fence rw, io
        fence iorw, iorw
        fence.tso
        TV_CHECK_REG(3, a3, 0x22222222)
        MEM_WORD(4, buf, 0x11111111)
        MEM_WORD(5, buf+4, 0x22222222)
        /* byte store, fence, word load */
        la a1, buf
        li a2, 0x000000ee
        sb a2, 1(a1)
        fence w, r
        lw a3, 0(a1)
        TV_CHECK_REG(6, a3, 0x1111ee11)

        /* reserved rd / rs1 fields: rd = a0 must NOT be written */
        li a0, 0xa0a0a0a0
        .word 0x0ff0050f            /* fence iorw, iorw with rd = x10 (a0) */
        TV_CHECK_REG(7, a0, 0xa0a0a0a0)
        .word 0x0ff5850f            /* ... with rd = x10 and rs1 = x11 */
        TV_CHECK_REG(8, a0, 0xa0a0a0a0)
        la t0, buf
        TV_CHECK_EQ(9, a1, t0)
        /* fence.tso encoding (fm = 1000, rw, rw) and reserved fm / sets: normal fences */
        .word 0x8330000f            /* fence.tso */
        .word 0x8ff0000f            /* fm = 1000 with iorw, iorw (reserved) */
        .word 0x1ff0000f            /* fm = 0001 (reserved) */
        TV_CHECK_REG(10, a0, 0xa0a0a0a0)
        MEM_WORD(11, buf, 0x1111ee11)
        MEM_WORD(12, buf+4, 0x22222222)
        TV_PASS
TV_END

        .data
        .align 4
buf:    .word 0, 0
