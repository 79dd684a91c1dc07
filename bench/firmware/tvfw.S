/* tvfw: a minimal M-mode SBI firmware, so the S-mode benchmark guests (bench/guests) run under
 * QEMU 7.2, which ships no RV32 firmware:
 *
 *   qemu-system-riscv32 -M virt -nographic -bios bench/firmware/tvfw.elf -kernel bench/guests/sbi-rv32imac.elf
 *
 * It programs the hart as OpenSBI does on QEMU virt and as trapvisor's monitor does with its default
 * `opensbi` preset: medeleg = misaligned fetch, breakpoint, U-ecall, page faults; mideleg = SSI, STI,
 * SEI; mcounteren = all (QEMU virt implements `time` in hardware, so S reads it without a trap);
 * PMP entry 0 = everything, RWX. Then it enters the kernel in S-mode at fw_dynamic_info.next_addr
 * (QEMU's reset vector passes a0 = hart id, a1 = device tree, a2 = fw_dynamic_info; where -kernel
 * is an ELF, next_addr is its entry) or, without a valid info block, at 0x80400000.
 *
 * The trap handler serves SBI v2.0 calls from S: BASE, TIME, SRST, DBCN (write, write_byte) and
 * the legacy set_timer, console_putchar, console_getchar and shutdown; anything else returns
 * SBI_ERR_NOT_SUPPORTED. The timer is the CLINT's mtimecmp (MTI becomes STIP for S, as OpenSBI
 * does without Sstc), the console is the NS16550A UART, shutdown is the SiFive test finisher:
 * 0x5555 for reason "none", (reason << 16) | 0x3333 otherwise, so QEMU exits with status `reason`.
 * Misaligned loads and stores from S/U are emulated byte by byte (QEMU 7.2 completes them in
 * hardware, so this path is there for other hosts). Every other exception from S or U is
 * redirected to the kernel's stvec exactly as a delegated trap arrives; an exception taken in M
 * itself ends the run with finisher status 0x80 + mcause (QEMU's exit status).
 */
#define UART_BASE       0x10000000
#define UART_LSR        5
#define UART_LSR_THRE   0x20
#define FINISHER        0x00100000
#define CLINT_MTIMECMP  0x02004000

#define MSTATUS_SIE     0x2
#define MSTATUS_SPIE    0x20
#define MSTATUS_SPP     0x100
#define MSTATUS_MPP     0x1800
#define MSTATUS_MPP_S   0x0800
#define MSTATUS_MPRV    0x20000
#define MIP_STIP        0x20
#define MIP_MTIP        0x80

#define FW_DYNAMIC_MAGIC 0x4942534f     /* "OSBI" */
#define KERNEL_DEFAULT   0x80400000

#define SBI_SUCCESS        0
#define SBI_ERR_NOT_SUPPORTED (-2)
#define SBI_ERR_INVALID_PARAM (-3)
#define SBI_SPEC_VERSION   0x02000000   /* v2.0 */
#define SBI_IMPL_ID        0x7476       /* "tv": not a registered implementation id */
#define SBI_IMPL_VERSION   1

#define EID_BASE 0x10
#define EID_TIME 0x54494D45
#define EID_SRST 0x53525354
#define EID_DBCN 0x4442434E

/* The trap frame: x[i] at 4 * i, the M stack below it. */
#define FRAME 128
#define REG(n) (4 * (n))

        .section .text.init, "ax", @progbits
        .globl _start
_start:
        csrr t0, mhartid
        bnez t0, park                   /* one hart boots; any other waits forever */
        la sp, stack_top
        csrw mscratch, sp
        la t0, trap
        csrw mtvec, t0
        li t0, (1 << 0) | (1 << 3) | (1 << 8) | (1 << 12) | (1 << 13) | (1 << 15)
        csrw medeleg, t0
        li t0, 0x222
        csrw mideleg, t0
        li t0, -1
        csrw mcounteren, t0
        csrw pmpaddr0, t0
        li t0, 0x1f                     /* NAPOT, R W X */
        csrw pmpcfg0, t0
        csrw mie, zero
        csrw satp, zero
        li t0, CLINT_MTIMECMP           /* no timer until the kernel asks for one */
        li t1, -1
        sw t1, 4(t0)
        sw t1, 0(t0)
        li t1, KERNEL_DEFAULT
        beqz a2, 1f
        lw t0, 0(a2)
        li t2, FW_DYNAMIC_MAGIC
        bne t0, t2, 1f
        lw t1, 8(a2)                    /* fw_dynamic_info.next_addr */
1:      csrw mepc, t1
        li t0, MSTATUS_MPP | MSTATUS_MPRV
        csrc mstatus, t0
        li t0, MSTATUS_MPP_S
        csrs mstatus, t0
        /* a0 = hart id, a1 = device tree, as the reset vector left them */
        li a2, 0
        li t0, 0
        li t1, 0
        li t2, 0
        mret

park:   wfi
        j park

/* ---- trap entry: save everything, dispatch, restore, mret ---------------------------------- */
        .align 2
trap:
        csrrw sp, mscratch, sp          /* sp = M stack top, mscratch = the guest's sp */
        addi sp, sp, -FRAME
        .irp r, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
        sw x\r, REG(\r)(sp)
        .endr
        csrr t0, mscratch
        sw t0, REG(2)(sp)
        csrr t0, mcause
        bltz t0, interrupt
        csrr t1, mstatus
        li t2, MSTATUS_MPP
        and t1, t1, t2
        beq t1, t2, fatal               /* an exception in M: a firmware bug */
        li t1, 9
        beq t0, t1, ecall_s
        li t1, 4
        beq t0, t1, misaligned
        li t1, 6
        beq t0, t1, misaligned
        j redirect

restore:
        addi t0, sp, FRAME
        csrw mscratch, t0
        .irp r, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
        lw x\r, REG(\r)(sp)
        .endr
        lw sp, REG(2)(sp)
        mret

fatal:  andi t0, t0, 0x3f
        addi a0, t0, 0x80
        j finish_fail

/* ---- interrupts: MTI becomes STIP for S; anything else is masked ---------------------------- */
interrupt:
        slli t0, t0, 1
        srli t0, t0, 1
        li t1, 7
        bne t0, t1, 1f
        li t1, MIP_MTIP
        csrc mie, t1
        li t1, MIP_STIP
        csrs mip, t1
        j restore
1:      li t1, 1
        sll t1, t1, t0
        csrc mie, t1
        j restore

/* ---- redirect an exception to S, as the hart delivers a delegated one (priv spec 3.1.6.1, 4.1.1) */
redirect:
        csrr t0, mepc
        csrw sepc, t0
        csrr t0, mcause
        csrw scause, t0
        csrr t0, mtval
        csrw stval, t0
        csrr t0, mstatus
        li t1, ~(MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE | MSTATUS_MPP)
        and t1, t0, t1
        li t2, MSTATUS_MPP_S            /* SPP = 1 if the trap came from S */
        and t2, t0, t2
        srli t2, t2, 3
        or t1, t1, t2
        andi t2, t0, MSTATUS_SIE        /* SPIE = SIE, SIE = 0 */
        slli t2, t2, 4
        or t1, t1, t2
        li t2, MSTATUS_MPP_S            /* mret lands in S ... */
        or t1, t1, t2
        csrw mstatus, t1
        csrr t0, stvec                  /* ... at stvec's base (exceptions are never vectored) */
        andi t0, t0, -4
        csrw mepc, t0
        j restore

/* ---- misaligned load/store from S or U: byte by byte, through the trapping mode's translation
 * (MPRV with MPP as the trap left it). The access faults of a byte are not handled: the guests
 * never make misaligned accesses to unmapped memory. */
misaligned:
        li t1, MSTATUS_MPRV
        csrs mstatus, t1
        csrr t2, mepc                   /* the instruction, one halfword at a time (C extension) */
        lhu t3, 0(t2)
        andi t4, t3, 3
        li t5, 3
        li t6, 2                        /* length */
        bne t4, t5, 1f
        lhu t4, 2(t2)
        slli t4, t4, 16
        or t3, t3, t4
        li t6, 4
1:      csrr a3, mtval                  /* the address */
        li t5, 4
        beq t6, t5, 3f
        /* compressed: c.lw (000 -> funct3 010 q0 = 0b010..00), c.sw (110..00), c.lwsp, c.swsp */
        andi t4, t3, 3
        srli t5, t3, 13
        beqz t4, 20f                    /* quadrant 0: rd'/rs2' in bits 4:2 */
        /* quadrant 2: c.lwsp (010) rd in 11:7; c.swsp (110) rs2 in 6:2 */
        li t4, 2
        bne t5, t4, 21f
        srli a4, t3, 7
        andi a4, a4, 31
        li a5, 4                        /* size */
        li a6, 0                        /* load, signed */
        j do_load
21:     srli a4, t3, 2
        andi a4, a4, 31
        li a5, 4
        j do_store
20:     srli a4, t3, 2
        andi a4, a4, 7
        addi a4, a4, 8
        li a5, 4
        li t4, 2
        bne t5, t4, do_store
        li a6, 0
        j do_load
3:      /* 32-bit: funct3 in 14:12, opcode 0x03 load, 0x23 store */
        srli a5, t3, 12
        andi a5, a5, 7                  /* funct3: size = 1 << (f3 & 3), unsigned if f3 & 4 */
        andi a6, a5, 4
        andi a5, a5, 3
        li t4, 1
        sll a5, t4, a5
        andi t4, t3, 0x7f
        li t5, 0x23
        beq t4, t5, 4f
        srli a4, t3, 7
        andi a4, a4, 31
        j do_load
4:      srli a4, t3, 20
        andi a4, a4, 31
        j do_store

do_load:                                /* a3 address, a4 rd, a5 size, a6 != 0 unsigned */
        li a7, 0                        /* value */
        li s0, 0                        /* byte index */
5:      add t4, a3, s0
        lbu t4, 0(t4)
        slli t5, s0, 3
        sll t4, t4, t5
        or a7, a7, t4
        addi s0, s0, 1
        bltu s0, a5, 5b
        bnez a6, 6f
        li t4, 2                        /* sign-extend a halfword */
        bne a5, t4, 6f
        slli a7, a7, 16
        srai a7, a7, 16
6:      beqz a4, 7f
        slli a4, a4, 2
        add a4, a4, sp
        sw a7, 0(a4)
        j 7f
do_store:                               /* a3 address, a4 rs2, a5 size */
        slli a4, a4, 2
        add a4, a4, sp
        lw a7, 0(a4)
        li s0, 0
8:      add t4, a3, s0
        sb a7, 0(t4)
        srli a7, a7, 8
        addi s0, s0, 1
        bltu s0, a5, 8b
7:      li t1, MSTATUS_MPRV
        csrc mstatus, t1
        csrr t2, mepc
        add t2, t2, t6
        csrw mepc, t2
        j restore

/* ---- SBI: a7 = extension, a6 = function, a0-a2 arguments (still live in registers) --------- */
ecall_s:
        csrr t0, mepc
        addi t0, t0, 4
        csrw mepc, t0
        li t0, EID_BASE
        beq a7, t0, sbi_base
        li t0, EID_TIME
        beq a7, t0, sbi_time
        li t0, EID_SRST
        beq a7, t0, sbi_srst
        li t0, EID_DBCN
        beq a7, t0, sbi_dbcn
        beqz a7, legacy_set_timer
        li t0, 1
        beq a7, t0, legacy_putchar
        li t0, 2
        beq a7, t0, legacy_getchar
        li t0, 8
        beq a7, t0, legacy_shutdown
        li t0, 0x10
        bltu a7, t0, legacy_unknown
not_supported:
        li a0, SBI_ERR_NOT_SUPPORTED
        li a1, 0
ret2:   sw a0, REG(10)(sp)
        sw a1, REG(11)(sp)
        j restore
ret_ok0:
        li a0, SBI_SUCCESS
        li a1, 0
        j ret2
invalid_param:
        li a0, SBI_ERR_INVALID_PARAM
        li a1, 0
        j ret2

sbi_base:
        li t0, 6
        bgtu a6, t0, not_supported
        la t0, base_table
        slli t1, a6, 2
        add t0, t0, t1
        lw t0, 0(t0)
        jr t0
        .section .rodata
        .align 2
base_table:
        .word base_spec, base_impl_id, base_impl_version, base_probe, base_mvendorid, base_marchid, base_mimpid
        .text
base_spec:
        li a1, SBI_SPEC_VERSION
        j base_ret
base_impl_id:
        li a1, SBI_IMPL_ID
        j base_ret
base_impl_version:
        li a1, SBI_IMPL_VERSION
        j base_ret
base_probe:
        la t0, probe_table
9:      lw t1, 0(t0)
        li a1, 0
        beq t1, zero, base_ret          /* end of the table (EID 0 is probed separately) */
        li a1, 1
        beq t1, a0, base_ret
        addi t0, t0, 4
        j 9b
        .section .rodata
        .align 2
probe_table:
        .word EID_BASE, EID_TIME, EID_SRST, EID_DBCN, 1, 2, 8, 0
        .text
base_mvendorid:
        csrr a1, mvendorid
        j base_ret
base_marchid:
        csrr a1, marchid
        j base_ret
base_mimpid:
        csrr a1, mimpid
base_ret:
        beqz a6, 10f                    /* probe(0): legacy set_timer is there too */
        li t0, 3
        bne a6, t0, 10f
        bnez a0, 10f
        li a1, 1
10:     li a0, SBI_SUCCESS
        j ret2

sbi_time:
        bnez a6, not_supported
        jal t6, set_timer
        j ret_ok0

/* set_timer(a0 = low, a1 = high): mtimecmp, STIP cleared, MTIE set. Returns through t6. */
set_timer:
        li t0, CLINT_MTIMECMP
        li t1, -1
        sw t1, 4(t0)                    /* no spurious match while the halves change */
        sw a0, 0(t0)
        sw a1, 4(t0)
        li t1, MIP_STIP
        csrc mip, t1
        li t1, MIP_MTIP
        csrs mie, t1
        jr t6

sbi_srst:
        bnez a6, not_supported
        li t0, 2
        bgtu a0, t0, invalid_param
        li t0, 1
        bgtu a1, t0, invalid_param
        bnez a0, not_supported          /* cold/warm reboot: a run is one boot */
        mv a0, a1
        beqz a0, finish_pass
finish_fail:                            /* a0 = status */
        slli a0, a0, 16
        li t0, 0x3333
        or a0, a0, t0
        j 11f
finish_pass:
        li a0, 0x5555
11:     li t0, FINISHER
        sw a0, 0(t0)
12:     wfi
        j 12b

sbi_dbcn:
        beqz a6, dbcn_write
        li t0, 1
        beq a6, t0, dbcn_read
        li t0, 2
        bne a6, t0, not_supported
        jal t6, uart_putc               /* write_byte(a0) */
        j ret_ok0
dbcn_read:                              /* no input: 0 bytes read */
        bnez a2, invalid_param
        j ret_ok0
dbcn_write:                             /* write(num_bytes, base_lo, base_hi) */
        bnez a2, invalid_param
        mv s0, a0
        mv s1, a1
        add s2, a1, a0
13:     bgeu s1, s2, 14f
        lbu a0, 0(s1)
        jal t6, uart_putc
        addi s1, s1, 1
        j 13b
14:     li a0, SBI_SUCCESS
        mv a1, s0
        j ret2

/* uart_putc(a0): wait for THRE, write THR. Returns through t6; uses t0, t1. */
uart_putc:
        li t0, UART_BASE
15:     lbu t1, UART_LSR(t0)
        andi t1, t1, UART_LSR_THRE
        beqz t1, 15b
        sb a0, 0(t0)
        jr t6

legacy_set_timer:
        jal t6, set_timer
        li a0, 0
        sw a0, REG(10)(sp)
        j restore
legacy_putchar:
        jal t6, uart_putc
        li a0, 0
        sw a0, REG(10)(sp)
        j restore
legacy_getchar:
        li a0, -1
        sw a0, REG(10)(sp)
        j restore
legacy_shutdown:
        j finish_pass
legacy_unknown:
        li a0, SBI_ERR_NOT_SUPPORTED
        sw a0, REG(10)(sp)
        j restore

        .bss
        .align 4
        .skip 4096
stack_top:
