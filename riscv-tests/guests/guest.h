# guest.h: shared pieces of trapvisor's own S-mode guest kernels (RV32I + Zicsr + Zifencei).
#
# Include it once, at the top of a guest, before any code. It gives:
#   - SBI extension ids, error codes and the machine's addresses (RAM, CLINT);
#   - SBI_CALL, PRINT, PRINT_HEX, CHECK_* macros and PASS / FAIL;
#   - TRAP_ENTRY / TRAP_FRAMES: a nestable trap entry that saves x1..x31 and sepc, sstatus, scause,
#     stval into a frame, calls a handler with a0 = frame, restores everything from the (possibly
#     edited) frame and returns with sret;
#   - routines in .text: puts, puthex, check_failed, guest_pass, guest_fail, kernel_emulate_time.
#
# Register contract: SBI calls clobber a0, a1 (results) and the macros below clobber a0-a2, a6, a7;
# CHECK_* also use t5 and t6 (never check t6 itself). Routines keep every other register.
# A guest's failure path prints "FAIL: <what> (got 0x.., expected 0x..)" and ends with SBI SRST
# reason "system failure" (exit 1); success prints "<guest>: PASS" and SRST reason "none" (exit 0).

#define SBI_EXT_LEGACY_SET_TIMER 0x00
#define SBI_EXT_LEGACY_PUTCHAR   0x01
#define SBI_EXT_LEGACY_GETCHAR   0x02
#define SBI_EXT_LEGACY_SHUTDOWN  0x08
#define SBI_EXT_BASE    0x10
#define SBI_EXT_TIME    0x54494D45
#define SBI_EXT_IPI     0x735049
#define SBI_EXT_RFENCE  0x52464E43
#define SBI_EXT_HSM     0x48534D
#define SBI_EXT_SRST    0x53525354
#define SBI_EXT_DBCN    0x4442434E

#define SBI_SUCCESS            0
#define SBI_ERR_FAILED        -1
#define SBI_ERR_NOT_SUPPORTED -2
#define SBI_ERR_INVALID_PARAM -3

#define RAM_BASE    0x80000000
#define RAM_END     0x88000000        /* 128 MiB, the default machine */
#define CLINT_MTIME 0x0200BFF8

#define SSTATUS_SIE  0x2
#define SSTATUS_SPIE 0x20
#define SSTATUS_SPP  0x100
#define SIE_SSIE     0x2
#define SIE_STIE     0x20
#define SIP_STIP     0x20
#define SCAUSE_INTR  0x80000000

#define CAUSE_ILLEGAL      2
#define CAUSE_BREAKPOINT   3
#define CAUSE_LOAD_MISALIGNED  4
#define CAUSE_LOAD_FAULT   5
#define CAUSE_STORE_MISALIGNED 6
#define CAUSE_STORE_FAULT  7
#define CAUSE_ECALL_U      8
#define CAUSE_S_TIMER      5

#define FRAME_SIZE 144                /* x0..x31 (x[i] at 4*i), then the trap CSRs */
#define FRAME_SEPC    128
#define FRAME_SSTATUS 132
#define FRAME_SCAUSE  136
#define FRAME_STVAL   140
#define TRAP_STRIDE 1024              /* frame + handler stack per nesting level */
#define TRAP_DEPTH  3
#define REG(i) (4 * (i))

# a7 = eid, a6 = fid, ecall: a0 = error, a1 = value.
.macro SBI_CALL eid, fid
        li a7, \eid
        li a6, \fid
        ecall
.endm

# Print a string literal through DBCN console_write (one SBI call).
.macro PRINT str
        .pushsection .rodata
.Lstr\@: .asciz "\str"
        .popsection
        addi sp, sp, -16
        sw ra, 12(sp)
        la a0, .Lstr\@
        call puts
        lw ra, 12(sp)
        addi sp, sp, 16
.endm

# Print a register as 0x%08x.
.macro PRINT_HEX reg
        addi sp, sp, -16
        sw ra, 12(sp)
        mv a0, \reg
        call puthex
        lw ra, 12(sp)
        addi sp, sp, 16
.endm

# Fail with \msg unless reg == the immediate \expected.
.macro CHECK_EQ reg, expected, msg
        li t6, \expected
        CHECK_EQR \reg, t6, "\msg"
.endm

# Fail with \msg unless reg == reg2.
.macro CHECK_EQR reg, reg2, msg
        beq \reg, \reg2, .Lok\@
        mv t5, \reg
        mv t6, \reg2
        .pushsection .rodata
.Lmsg\@: .asciz "\msg"
        .popsection
        la a0, .Lmsg\@
        mv a1, t5
        mv a2, t6
        j check_failed
.Lok\@:
.endm

# Fail with \msg unless lo <= reg <= hi (unsigned); hi is reported as "expected".
.macro CHECK_LEU lo, reg, hi, msg
        bltu \reg, \lo, .Lbad\@
        bleu \reg, \hi, .Lok\@
.Lbad\@:
        mv t5, \reg
        mv t6, \hi
        .pushsection .rodata
.Lmsg\@: .asciz "\msg"
        .popsection
        la a0, .Lmsg\@
        mv a1, t5
        mv a2, t6
        j check_failed
.Lok\@:
.endm

# Kernel entry: stack, sscratch = trap frame, stvec = \handler (direct mode).
.macro KERNEL_START handler
        la sp, __stack_top
        la t0, trap_frame
        csrw sscratch, t0
        la t0, \handler
        csrw stvec, t0
.endm

# Report a trap the kernel did not expect (s1 = scause, s0 = trap frame) and fail.
.macro UNEXPECTED_TRAP
        PRINT "unexpected trap: scause "
        PRINT_HEX s1
        PRINT " sepc "
        lw t0, FRAME_SEPC(s0)
        PRINT_HEX t0
        PRINT " stval "
        lw t0, FRAME_STVAL(s0)
        PRINT_HEX t0
        PRINT "\n"
        mv a1, s1
        FAIL "unexpected trap"
.endm

# Fail at once with \msg (a1 is reported as "got").
.macro FAIL msg
        .pushsection .rodata
.Lmsg\@: .asciz "\msg"
        .popsection
        la a0, .Lmsg\@
        li a2, 0
        j check_failed
.endm

# Print "<name>: PASS" and shut down (SRST reason none: exit 0).
.macro PASS name
        PRINT "\name: PASS\n"
        j guest_pass
.endm

# A trap entry (4-byte aligned, usable as stvec or as a vector target). sscratch holds the address
# of the frame to fill. The entry saves x1..x31, sepc, sstatus, scause and stval in the frame, points
# sscratch TRAP_STRIDE bytes lower (so a trap taken inside the handler, e.g. an rdtime the kernel
# must emulate itself, nests safely), calls \handler with a0 = frame on the stack below the frame,
# then restores sscratch, sepc, sstatus and every register from the (possibly edited) frame: a
# handler skips an instruction by adding 4 to FRAME_SEPC and returns to S by setting SPP there.
.macro TRAP_ENTRY handler
        .align 2
        csrrw sp, sscratch, sp          # sp = frame, sscratch = interrupted sp
        sw x1, REG(1)(sp)
        sw x3, REG(3)(sp)
        sw x4, REG(4)(sp)
        sw x5, REG(5)(sp)
        sw x6, REG(6)(sp)
        sw x7, REG(7)(sp)
        sw x8, REG(8)(sp)
        sw x9, REG(9)(sp)
        sw x10, REG(10)(sp)
        sw x11, REG(11)(sp)
        sw x12, REG(12)(sp)
        sw x13, REG(13)(sp)
        sw x14, REG(14)(sp)
        sw x15, REG(15)(sp)
        sw x16, REG(16)(sp)
        sw x17, REG(17)(sp)
        sw x18, REG(18)(sp)
        sw x19, REG(19)(sp)
        sw x20, REG(20)(sp)
        sw x21, REG(21)(sp)
        sw x22, REG(22)(sp)
        sw x23, REG(23)(sp)
        sw x24, REG(24)(sp)
        sw x25, REG(25)(sp)
        sw x26, REG(26)(sp)
        sw x27, REG(27)(sp)
        sw x28, REG(28)(sp)
        sw x29, REG(29)(sp)
        sw x30, REG(30)(sp)
        sw x31, REG(31)(sp)
        csrr t0, sscratch
        sw t0, REG(2)(sp)
        sw zero, REG(0)(sp)
        csrr t0, sepc
        sw t0, FRAME_SEPC(sp)
        csrr t0, sstatus
        sw t0, FRAME_SSTATUS(sp)
        csrr t0, scause
        sw t0, FRAME_SCAUSE(sp)
        csrr t0, stval
        sw t0, FRAME_STVAL(sp)
        addi t0, sp, -TRAP_STRIDE
        csrw sscratch, t0               # a nested trap gets the next frame down
        mv a0, sp
        call \handler
        csrw sscratch, sp
        lw t0, FRAME_SEPC(sp)
        csrw sepc, t0
        lw t0, FRAME_SSTATUS(sp)
        csrw sstatus, t0
        lw x1, REG(1)(sp)
        lw x3, REG(3)(sp)
        lw x4, REG(4)(sp)
        lw x5, REG(5)(sp)
        lw x6, REG(6)(sp)
        lw x7, REG(7)(sp)
        lw x8, REG(8)(sp)
        lw x9, REG(9)(sp)
        lw x10, REG(10)(sp)
        lw x11, REG(11)(sp)
        lw x12, REG(12)(sp)
        lw x13, REG(13)(sp)
        lw x14, REG(14)(sp)
        lw x15, REG(15)(sp)
        lw x16, REG(16)(sp)
        lw x17, REG(17)(sp)
        lw x18, REG(18)(sp)
        lw x19, REG(19)(sp)
        lw x20, REG(20)(sp)
        lw x21, REG(21)(sp)
        lw x22, REG(22)(sp)
        lw x23, REG(23)(sp)
        lw x24, REG(24)(sp)
        lw x25, REG(25)(sp)
        lw x26, REG(26)(sp)
        lw x27, REG(27)(sp)
        lw x28, REG(28)(sp)
        lw x29, REG(29)(sp)
        lw x30, REG(30)(sp)
        lw x31, REG(31)(sp)
        lw x2, REG(2)(sp)
        sret
.endm

# Reserve room for TRAP_DEPTH nested frames; \label is the first (outermost) frame: put its
# address in sscratch before the first trap.
.macro TRAP_FRAMES label
        .pushsection .bss
        .align 4
        .space TRAP_STRIDE * TRAP_DEPTH - FRAME_SIZE
\label:
        .space FRAME_SIZE
        .popsection
.endm

        .section .text
# puts(a0 = NUL-terminated string): DBCN console_write; clobbers a0-a2, a6, a7.
puts:
        mv a1, a0
1:      lbu a2, 0(a1)
        beqz a2, 2f
        addi a1, a1, 1
        j 1b
2:      sub a0, a1, a0                  # num_bytes
        sub a1, a1, a0                  # base_addr_lo
        li a2, 0                        # base_addr_hi
        li a7, SBI_EXT_DBCN
        li a6, 0
        ecall
        ret

# puthex(a0): prints 0x%08x; clobbers a0-a2, a6, a7.
puthex:
        addi sp, sp, -32
        sw t0, 28(sp)
        sw t1, 24(sp)
        li t0, 0x7830                   # "0x"
        sh t0, 0(sp)
        addi a1, sp, 9                  # last digit
1:      andi t0, a0, 15
        li t1, 10
        bltu t0, t1, 2f
        addi t0, t0, 'a' - 10 - '0'
2:      addi t0, t0, '0'
        sb t0, 0(a1)
        srli a0, a0, 4
        addi a1, a1, -1
        addi t1, sp, 1
        bne a1, t1, 1b
        sb zero, 10(sp)
        mv a0, sp
        mv t0, ra
        call puts
        mv ra, t0
        lw t1, 24(sp)
        lw t0, 28(sp)
        addi sp, sp, 32
        ret

# check_failed(a0 = what, a1 = got, a2 = expected): report and SRST system failure. Never returns.
check_failed:
        mv s10, a1
        mv s11, a2
        mv s9, a0
        PRINT "FAIL: "
        mv a0, s9
        call puts
        PRINT " (got "
        PRINT_HEX s10
        PRINT ", expected "
        PRINT_HEX s11
        PRINT ")\n"
guest_fail:
        li a0, 0                        # shutdown
        li a1, 1                        # reason: system failure
        SBI_CALL SBI_EXT_SRST, 0
1:      j 1b

guest_pass:
        li a0, 0                        # shutdown
        li a1, 0                        # reason: none
        SBI_CALL SBI_EXT_SRST, 0
        FAIL "SRST shutdown returned"

# kernel_emulate_time(a0 = frame, a1 = instruction): when the instruction is rdtime/rdtimeh
# (csrrs rd, time/timeh, x0) and S took the illegal-instruction trap itself (`--delegation all`
# with `--time-csr emulate`), emulate it from the CLINT's mtime register, advance sepc and return
# a0 = 1; otherwise return a0 = 0. Clobbers a1, a2, t6 (call it from a trap handler).
kernel_emulate_time:
        li a2, 0xfffff07f               # csr, funct3, opcode; rs1 must be x0
        and a2, a1, a2
        li t6, 0xC0102073               # csrrs x?, time, x0
        beq a2, t6, 1f
        li t6, 0xC8102073               # csrrs x?, timeh, x0
        beq a2, t6, 2f
        li a0, 0
        ret
1:      li a2, CLINT_MTIME
        lw a2, 0(a2)
        j 3f
2:      li a2, CLINT_MTIME
        lw a2, 4(a2)
3:      srli a1, a1, 7                  # rd
        andi a1, a1, 31
        beqz a1, 4f
        slli a1, a1, 2
        add a1, a0, a1
        sw a2, 0(a1)
4:      lw a1, FRAME_SEPC(a0)
        addi a1, a1, 4
        sw a1, FRAME_SEPC(a0)
        la a1, kernel_time_emulations
        lw a2, 0(a1)
        addi a2, a2, 1
        sw a2, 0(a1)
        li a0, 1
        ret

        .section .bss
        .align 2
kernel_time_emulations: .space 4
