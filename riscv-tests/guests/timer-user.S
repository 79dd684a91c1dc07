# Guest 2: timer-user. Supervisor timer interrupts and a U-mode task, seen from an S-mode kernel.
# Checks:
#   - rdtime twice in S: non-decreasing and close together;
#   - direct-mode stvec: SBI TIME set_timer, sie.STIE + sstatus.SIE, three supervisor timer
#     interrupts (scause 0x80000005), each taken at or after its deadline (64-bit rdtimeh/rdtime);
#     the first two handlers re-arm, the third cancels (set_timer(-1)): no fourth interrupt follows
#     and sip.STIP is clear;
#   - vectored-mode stvec: one more timer interrupt arrives through vector 5 (base + 20);
#   - Sv32 paging for the U task (set up once, before its first run): the kernel builds a root table
#     with its own memory identity-mapped as 4 MiB superpages (0x80400000 R/W/X, the CLINT at
#     0x02000000 R/W, both U = 0) and a second-level table of 4 KiB U pages at 0x00400000: code
#     (R/X), data (R/W, preset by the kernel) and stack (R/W); 0x00402000 and 0x00403000 are left
#     unmapped. It writes satp (MODE = 1, reads back) and runs SFENCE.VMA; the kernel keeps running
#     through its identity map and reads U memory (the trapping instruction) with sstatus.SUM;
#   - a U-mode task (sret with SPP = 0, sepc = 0x00400000), run once with the direct and once with the
#     vectored stvec (synchronous traps must then arrive at the base): ecall a7=1 "add" (scause 8, the
#     kernel advances sepc and returns a0 + a1), an illegal custom-0 `mul` (no hart implements it: the
#     kernel emulates it), an illegal `csrr a0, sstatus` from U (the kernel skips it), rdtime twice in
#     U (scounteren.TM), a load/store on its data and stack pages, then demand paging: a store to
#     0x004027f0 page-faults (scause 15, stval = that address), a load from 0x00403124 page-faults
#     (scause 13, stval = that address); for each the handler checks the PTE is invalid, allocates a
#     frame (zeroed; the load's pre-filled with a pattern), writes the PTE (A/D clear), runs
#     SFENCE.VMA for the address and returns with sret to the same instruction, which now succeeds
#     (exactly one fault per page); a load from kernel memory (U = 0) page-faults and is refused
#     (skipped); ecall a7=2 "exit to kernel". Every illegal instruction must arrive with scause 2
#     and stval = the instruction's bits. After each run the kernel checks the stored value is in
#     the physical frame it allocated, the data page holds the task's reply, the hart set A (and D
#     only on the written page) in the PTEs, prints the fault counts, then unmaps both pages again
#     (SFENCE.VMA) so the second run must fault anew.
# Applies to every --delegation preset (none: the monitor forwards the illegal instructions and the
# page faults; opensbi: the hart delegates the page faults, the monitor forwards the illegal
# instructions; all: the hart delegates both), --time-csr native and emulate (under all + emulate
# rdtime is an illegal instruction that reaches this kernel, which emulates it from the CLINT's
# mtime, through its identity map), and every --csr-policy (no M-mode CSR is touched).
#include "guest.h"

#define TICK          3000              /* timer period in timebase ticks */
#define SYS_ADD       1
#define SYS_EXIT      2
#define USER_EXIT_OK  0x600D
#define MUL_A0_A0_A1  0x02b5050b        /* custom-0 "mul a0, a0, a1": no hart implements it, the kernel emulates it */
#define CSRR_A0_SSTATUS 0x10002573      /* csrr a0, sstatus */
#define SKIPPED_MARK  0x51A7

#define CAUSE_LOAD_PAGE_FAULT  13
#define CAUSE_STORE_PAGE_FAULT 15
#define SSTATUS_SUM   0x40000
#define SATP_SV32     0x80000000
#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_A 0x40
#define PTE_D 0x80
#define PAGE_SIZE     4096
#define MEGAPAGE      0x400000
#define KERNEL_BASE   0x80400000        /* this kernel's 4 MiB superpage (and where guest.ld links it) */
#define CLINT_BASE    0x02000000        /* the superpage holding the CLINT (mtime) */
#define USER_CODE_VA  0x00400000        /* the U task's virtual pages (second-level index 0..5) */
#define USER_DATA_VA  0x00401000
#define STORE_PAGE_VA 0x00402000        /* unmapped until the task stores to it */
#define LOAD_PAGE_VA  0x00403000        /* unmapped until the task loads from it */
#define USER_STACK_VA 0x00405000        /* 0x00404000 stays unmapped (guard) */
#define USER_STACK_TOP (USER_STACK_VA + PAGE_SIZE)
#define STORE_FAULT_VA (STORE_PAGE_VA + 0x7f0)
#define LOAD_FAULT_VA  (LOAD_PAGE_VA + 0x124)
#define STORE_VALUE   0x5707E0AB
#define LOAD_PATTERN  0x10ADF00D
#define USER_DATA_INIT  0xDA7A0001
#define USER_DATA_REPLY 0xDA7A0002
#define REFUSED_MARK  0xDE11ED          /* a0 after the kernel refused a U load from kernel memory */

        .section .text.init
        .globl _start
_start:
        KERNEL_START strap_direct
        csrr t1, stvec
        CHECK_EQR t1, t0, "stvec readback (direct)"
        li t0, 2
        csrw scounteren, t0             # TM: U-mode may read time

        PRINT "timer-user: rdtime twice in S\n"
        rdtime s0
        rdtime s1
        addi t1, s0, 1000
        CHECK_LEU s0, s1, t1, "second rdtime in S (must be within 1000 ticks after the first)"

        PRINT "timer-user: three supervisor timer interrupts, direct stvec\n"
        li a0, 3
        call start_ticks
        li a0, 3
        call wait_ticks
        li t0, 20000                    # the third handler cancelled: nothing more arrives
1:      addi t0, t0, -1
        bnez t0, 1b
        lw t0, ticks
        CHECK_EQ t0, 3, "timer interrupts after set_timer(-1)"
        csrr t0, sip
        andi t0, t0, SIP_STIP
        CHECK_EQ t0, 0, "sip.STIP after set_timer(-1)"

        PRINT "timer-user: one more, vectored stvec (cause 5 -> base + 20)\n"
        la t0, vector_table
        ori t0, t0, 1
        csrw stvec, t0
        csrr t1, stvec
        CHECK_EQR t1, t0, "stvec readback (vectored)"
        li a0, 4
        call start_ticks
        li a0, 4
        call wait_ticks
        lw t0, vec_timer_hits
        CHECK_EQ t0, 1, "timer interrupts through vector 5"
        csrci sstatus, SSTATUS_SIE

        PRINT "timer-user: Sv32 on: kernel identity-mapped by 4 MiB superpages, U pages at 0x00400000\n"
        call setup_paging

        PRINT "timer-user: U-mode task, direct stvec: ecall add, mul, csrr sstatus, rdtime, page faults, ecall exit\n"
        la t0, strap_direct
        csrw stvec, t0
        call run_user_checked

        PRINT "timer-user: U-mode task again, vectored stvec (exceptions -> base)\n"
        la t0, vector_table
        ori t0, t0, 1
        csrw stvec, t0
        sw zero, vec_sync_hits, t0
        call run_user_checked
        lw t0, vec_sync_hits
        li t1, 4
        li t2, 1000
        CHECK_LEU t1, t0, t2, "U-task traps through the vector base (at least 4)"

        PRINT "timer-user: rdtime emulated by this kernel itself: "
        lw t0, kernel_time_emulations
        PRINT_HEX t0
        PRINT " times\n"
        PASS "timer-user"

# start_ticks(a0 = interrupt count to stop at): arm the timer, enable STIE and SIE.
start_ticks:
        addi sp, sp, -16
        sw ra, 12(sp)
        sw a0, tick_target, t0
        call arm_timer
        li t0, SIE_STIE
        csrs sie, t0
        csrsi sstatus, SSTATUS_SIE
        lw ra, 12(sp)
        addi sp, sp, 16
        ret

# wait_ticks(a0): spin (wfi) until `ticks` reaches a0, or fail after a bounded wait.
wait_ticks:
        li t1, 200000
1:      lw t0, ticks
        bgeu t0, a0, 2f
        wfi
        addi t1, t1, -1
        bnez t1, 1b
        mv a1, t0
        FAIL "timer interrupt did not arrive"
2:      ret

# read_time64() -> a0 = time low, a1 = time high (re-read while timeh changes); clobbers t0.
read_time64:
1:      rdtimeh a1
        rdtime a0
        rdtimeh t0
        bne a1, t0, 1b
        ret

# arm_timer(): deadline = now + TICK; SBI TIME set_timer(deadline).
arm_timer:
        addi sp, sp, -16
        sw ra, 12(sp)
        call read_time64
        li t0, TICK
        add t1, a0, t0
        sltu t2, t1, a0                 # carry
        add a1, a1, t2
        mv a0, t1
        la t0, deadline
        sw a0, 0(t0)
        sw a1, 4(t0)
        SBI_CALL SBI_EXT_TIME, 0
        CHECK_EQ a0, SBI_SUCCESS, "SBI set_timer"
        lw ra, 12(sp)
        addi sp, sp, 16
        ret

# run_user_checked(): run the U task (paged) and check what the kernel saw.
run_user_checked:
        addi sp, sp, -16
        sw ra, 12(sp)
        sw zero, illegal_count, t0
        sw zero, syscall_count, t0
        sw zero, page_faults, t0
        sw zero, refused_faults, t0
        la t0, user_data_frame          # the task's "initialised data"
        li t1, USER_DATA_INIT
        sw t1, 0(t0)
        sw zero, 4(t0)
        call run_user
        CHECK_EQ a0, USER_EXIT_OK, "U task exit code (0x600d; 1-12: the step that failed)"
        lw t0, illegal_count
        CHECK_EQ t0, 2, "illegal instructions from U handled by the kernel"
        lw t0, syscall_count
        CHECK_EQ t0, 2, "system calls from U"
        lw t0, page_faults
        CHECK_EQ t0, 2, "page faults resolved by mapping a page (one store, one load)"
        lw t0, refused_faults
        CHECK_EQ t0, 1, "U loads from kernel memory refused"
        la t0, store_frame              # the restarted store landed in the frame the kernel mapped
        lw t1, (STORE_FAULT_VA & 0xfff)(t0)
        CHECK_EQ t1, STORE_VALUE, "value in the physical frame mapped at 0x004027f0"
        la t0, user_data_frame
        lw t1, 4(t0)
        CHECK_EQ t1, USER_DATA_REPLY, "U task's reply in its data frame"
        la s0, pt_user                  # the hart's A/D updates
        lw t1, 0(s0)
        andi t1, t1, PTE_A | PTE_D
        CHECK_EQ t1, PTE_A, "code PTE A/D after the run (A only)"
        lw t1, 4 * ((STORE_PAGE_VA >> 12) & 0x3ff)(s0)
        andi t1, t1, PTE_A | PTE_D
        CHECK_EQ t1, PTE_A | PTE_D, "stored-to PTE A/D after the run (both)"
        lw t1, 4 * ((LOAD_PAGE_VA >> 12) & 0x3ff)(s0)
        andi t1, t1, PTE_A | PTE_D
        CHECK_EQ t1, PTE_A, "loaded-from PTE A/D after the run (A only)"
        PRINT "timer-user: page faults resolved: "
        lw t0, page_faults
        PRINT_HEX t0
        PRINT ", U loads from kernel memory refused: "
        lw t0, refused_faults
        PRINT_HEX t0
        PRINT "\n"
        sw zero, 4 * ((STORE_PAGE_VA >> 12) & 0x3ff)(s0)   # unmap both again: the next run faults anew
        sw zero, 4 * ((LOAD_PAGE_VA >> 12) & 0x3ff)(s0)
        li t0, STORE_PAGE_VA
        sfence.vma t0, zero
        li t0, LOAD_PAGE_VA
        sfence.vma t0, zero
        lw ra, 12(sp)
        addi sp, sp, 16
        ret

# setup_paging(): build the Sv32 tables, write satp, SFENCE.VMA. The kernel keeps running at the same
# addresses (identity map); satp must read back as written.
setup_paging:
        addi sp, sp, -16
        sw ra, 12(sp)
        la t0, _start                   # the superpage must hold the whole kernel
        li t1, KERNEL_BASE
        CHECK_EQR t0, t1, "kernel load address (the identity superpage's base)"
        la t0, _end
        li t2, KERNEL_BASE + MEGAPAGE - 1
        CHECK_LEU t1, t0, t2, "kernel end within its 4 MiB superpage"
        la a0, pt_root
        call zero_page
        la a0, pt_user
        call zero_page
        la t0, pt_root
        li t1, (KERNEL_BASE >> 2) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
        li t2, 4 * (KERNEL_BASE >> 22)  # slot 0x201: beyond a 12-bit offset
        add t2, t0, t2
        sw t1, 0(t2)
        li t1, (CLINT_BASE >> 2) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        sw t1, 4 * (CLINT_BASE >> 22)(t0)
        la t1, pt_user                  # pointer to the next level: V only
        srli t1, t1, 2
        ori t1, t1, PTE_V
        sw t1, 4 * (USER_CODE_VA >> 22)(t0)
        la t0, pt_user                  # the U task's pages, A/D clear: the hart sets them
        la t1, user_code_page
        srli t1, t1, 2
        ori t1, t1, PTE_V | PTE_R | PTE_X | PTE_U
        sw t1, 4 * ((USER_CODE_VA >> 12) & 0x3ff)(t0)
        la t1, user_data_frame
        srli t1, t1, 2
        ori t1, t1, PTE_V | PTE_R | PTE_W | PTE_U
        sw t1, 4 * ((USER_DATA_VA >> 12) & 0x3ff)(t0)
        la t1, user_stack_frame
        srli t1, t1, 2
        ori t1, t1, PTE_V | PTE_R | PTE_W | PTE_U
        sw t1, 4 * ((USER_STACK_VA >> 12) & 0x3ff)(t0)
        la t0, pt_root
        srli t0, t0, 12
        li t1, SATP_SV32
        or t0, t0, t1
        sfence.vma zero, zero
        csrw satp, t0
        sfence.vma zero, zero
        csrr t1, satp
        CHECK_EQR t1, t0, "satp readback (MODE = Sv32, root PPN)"
        lw ra, 12(sp)
        addi sp, sp, 16
        ret

# zero_page(a0 = page address); clobbers t0, t1.
zero_page:
        li t0, PAGE_SIZE
        add t0, a0, t0
1:      sw zero, 0(a0)
        addi a0, a0, 4
        bne a0, t0, 1b
        ret

# run_user() -> a0 = the task's exit code. Enters U at user_task; SYS_EXIT comes back to user_exited.
run_user:
        la t0, kernel_ctx
        sw ra, 0(t0)
        sw sp, 4(t0)
        sw s0, 8(t0)
        sw s1, 12(t0)
        li t0, USER_CODE_VA             # user_task, as the task sees it
        csrw sepc, t0
        li t0, SSTATUS_SPP
        csrc sstatus, t0                # sret to U
        sret
user_exited:                            # S-mode again, a0 = exit code
        la t0, kernel_ctx
        lw ra, 0(t0)
        lw sp, 4(t0)
        lw s0, 8(t0)
        lw s1, 12(t0)
        ret

# ---- the kernel's trap handling ---------------------------------------------------------------

strap_direct:
        TRAP_ENTRY kernel_trap

# kernel_trap(a0 = frame)
kernel_trap:
        addi sp, sp, -16
        sw ra, 12(sp)
        sw s0, 8(sp)
        sw s1, 4(sp)
        mv s0, a0
        lw s1, FRAME_SCAUSE(s0)
        bltz s1, interrupt
        li t0, CAUSE_ECALL_U
        beq s1, t0, syscall
        li t0, CAUSE_ILLEGAL
        beq s1, t0, illegal
        li t0, CAUSE_LOAD_PAGE_FAULT
        beq s1, t0, page_fault
        li t0, CAUSE_STORE_PAGE_FAULT
        beq s1, t0, page_fault
unexpected:
        UNEXPECTED_TRAP

interrupt:
        li t0, SCAUSE_INTR | CAUSE_S_TIMER
        bne s1, t0, unexpected
        call timer_tick
        j trap_done

syscall:
        lw t0, FRAME_SEPC(s0)
        addi t0, t0, 4                  # resume after the ecall
        sw t0, FRAME_SEPC(s0)
        lw t0, syscall_count
        addi t0, t0, 1
        sw t0, syscall_count, t1
        lw t0, REG(17)(s0)              # a7: the call number
        li t1, SYS_ADD
        beq t0, t1, 1f
        li t1, SYS_EXIT
        beq t0, t1, 2f
        li t0, -38                      # unknown call: ENOSYS
        sw t0, REG(10)(s0)
        j trap_done
1:      lw t0, REG(10)(s0)
        lw t1, REG(11)(s0)
        add t0, t0, t1
        sw t0, REG(10)(s0)
        j trap_done
2:      la t0, user_exited              # back to the kernel, in S, a0 = exit code
        sw t0, FRAME_SEPC(s0)
        lw t0, FRAME_SSTATUS(s0)
        ori t0, t0, SSTATUS_SPP
        sw t0, FRAME_SSTATUS(s0)
        j trap_done

illegal:
        lw a1, FRAME_STVAL(s0)
        lw t0, FRAME_SEPC(s0)
        li t1, SSTATUS_SUM              # the instruction may sit on a U page
        csrs sstatus, t1
        lw t0, 0(t0)
        csrc sstatus, t1
        CHECK_EQR a1, t0, "stval of an illegal instruction (its bits)"
        mv a0, s0
        call kernel_emulate_time        # rdtime reaching the kernel (all + emulate)
        bnez a0, trap_done
        lw t0, FRAME_SSTATUS(s0)
        andi t0, t0, SSTATUS_SPP
        bnez t0, unexpected             # only U-mode may execute illegal instructions here
        lw a1, FRAME_STVAL(s0)
        li t0, MUL_A0_A0_A1
        beq a1, t0, 1f
        li t0, CSRR_A0_SSTATUS
        bne a1, t0, unexpected
        li t0, SKIPPED_MARK             # skipped: a0 = a mark the task checks
        sw t0, REG(10)(s0)
        j 3f
1:      lw t0, REG(10)(s0)              # emulate mul a0, a0, a1 by shift-and-add
        lw t1, REG(11)(s0)
        li t2, 0
2:      andi a2, t1, 1
        beqz a2, 4f
        add t2, t2, t0
4:      slli t0, t0, 1
        srli t1, t1, 1
        bnez t1, 2b
        sw t2, REG(10)(s0)
3:      lw t0, FRAME_SEPC(s0)
        addi t0, t0, 4
        sw t0, FRAME_SEPC(s0)
        lw t0, illegal_count
        addi t0, t0, 1
        sw t0, illegal_count, t1

trap_done:
        lw s1, 4(sp)
        lw s0, 8(sp)
        lw ra, 12(sp)
        addi sp, sp, 16
        ret

# A page fault from the U task (s1 = 13 or 15): map the page it needs and restart the instruction
# (sepc unchanged), or refuse a load from kernel memory (skip it, a0 = REFUSED_MARK).
page_fault:
        lw t0, FRAME_SSTATUS(s0)
        andi t0, t0, SSTATUS_SPP
        bnez t0, unexpected             # the kernel itself never page-faults
        lw t0, page_faults
        li t1, 8
        bgeu t0, t1, unexpected         # the same fault again and again: the mapping did not take
        lw a1, FRAME_STVAL(s0)
        li t0, CAUSE_STORE_PAGE_FAULT
        beq s1, t0, 1f
        li t0, KERNEL_BASE
        beq a1, t0, 3f
        li t0, LOAD_FAULT_VA
        CHECK_EQR a1, t0, "stval of the load page fault (the address)"
        la a0, load_frame               # a "file-backed" page: zeroed, then the pattern
        call zero_page
        la a0, load_frame
        li t0, LOAD_PATTERN
        sw t0, (LOAD_FAULT_VA & 0xfff)(a0)
        li t2, PTE_V | PTE_R | PTE_U
        j 2f
1:      li t0, STORE_FAULT_VA
        CHECK_EQR a1, t0, "stval of the store page fault (the address)"
        la a0, store_frame              # an anonymous page: zeroed
        call zero_page
        la a0, store_frame
        li t2, PTE_V | PTE_R | PTE_W | PTE_U
2:      lw a1, FRAME_STVAL(s0)          # the PTE must be invalid: a fault on a mapped page is a bug
        srli t0, a1, 12
        andi t0, t0, 0x3ff
        slli t0, t0, 2
        la t1, pt_user
        add t0, t0, t1
        lw t1, 0(t0)
        CHECK_EQ t1, 0, "PTE of the faulting page (must be invalid)"
        srli a0, a0, 2
        or a0, a0, t2
        sw a0, 0(t0)
        sfence.vma a1, zero
        lw t0, page_faults
        addi t0, t0, 1
        sw t0, page_faults, t1
        j trap_done                     # sret to the same instruction
3:      li t0, REFUSED_MARK             # kernel memory (U = 0): skip the load
        sw t0, REG(10)(s0)
        lw t0, FRAME_SEPC(s0)
        addi t0, t0, 4
        sw t0, FRAME_SEPC(s0)
        lw t0, refused_faults
        addi t0, t0, 1
        sw t0, refused_faults, t1
        j trap_done

# timer_tick(): count, check the deadline passed, then re-arm or cancel.
timer_tick:
        addi sp, sp, -16
        sw ra, 12(sp)
        lw t0, ticks
        addi t0, t0, 1
        sw t0, ticks, t1
        call read_time64
        la t0, deadline
        lw t1, 0(t0)
        lw t2, 4(t0)
        bltu a1, t2, 1f
        bne a1, t2, 2f
        bgeu a0, t1, 2f
1:      mv a1, a0
        FAIL "timer interrupt before its deadline (got = time low word)"
2:      lw t0, ticks
        lw t1, tick_target
        bgeu t0, t1, 3f
        call arm_timer
        j 4f
3:      li a0, -1                       # cancel: the far future
        li a1, -1
        SBI_CALL SBI_EXT_TIME, 0
        CHECK_EQ a0, SBI_SUCCESS, "SBI set_timer(-1)"
4:      lw ra, 12(sp)
        addi sp, sp, 16
        ret

# The vectored table: exceptions at the base, interrupt n at base + 4n.
        .align 6
vector_table:
        j strap_vec_sync                # 0: every exception
        j strap_vec_bad                 # 1: SSI
        j strap_vec_bad
        j strap_vec_bad
        j strap_vec_bad
        j strap_vec_timer               # 5: STI
        j strap_vec_bad
        j strap_vec_bad
        j strap_vec_bad
        j strap_vec_bad                 # 9: SEI

strap_vec_sync:
        TRAP_ENTRY vec_sync
vec_sync:
        lw t0, vec_sync_hits
        addi t0, t0, 1
        sw t0, vec_sync_hits, t1
        lw t0, FRAME_SCAUSE(a0)
        bgez t0, kernel_trap
        mv a1, t0
        FAIL "interrupt delivered to the vector base"
strap_vec_timer:
        TRAP_ENTRY vec_timer
vec_timer:
        lw t0, vec_timer_hits
        addi t0, t0, 1
        sw t0, vec_timer_hits, t1
        lw t0, FRAME_SCAUSE(a0)
        bltz t0, kernel_trap
        mv a1, t0
        FAIL "exception delivered to vector 5"
strap_vec_bad:
        TRAP_ENTRY vec_bad
vec_bad:
        lw a1, FRAME_SCAUSE(a0)
        FAIL "trap through an unexpected vector"

# ---- the U-mode task ------------------------------------------------------------------------------
# It runs at USER_CODE_VA on its own page, so it uses no PC-relative address of the kernel's (no la):
# only li of its virtual addresses. On a failed step it exits with the step number instead of
# USER_EXIT_OK.
        .section .text.user, "ax"
        .balign PAGE_SIZE
user_code_page:
user_task:
        li sp, USER_STACK_TOP
        li a0, 40
        li a1, 2
        li a7, SYS_ADD
        ecall
        li s2, 1
        li t0, 42
        bne a0, t0, user_fail
        li a0, 6
        li a1, 7
        .word MUL_A0_A0_A1              # illegal on every hart: the kernel emulates it
        li s2, 2
        li t0, 42
        bne a0, t0, user_fail
        csrr a0, sstatus                # illegal from U: the kernel skips it
        li s2, 3
        li t0, SKIPPED_MARK
        bne a0, t0, user_fail
        rdtime s0                       # allowed by scounteren.TM
        rdtime s1
        li s2, 4
        bltu s1, s0, user_fail
        li t1, USER_DATA_VA             # the data page the kernel preset
        lw t0, 0(t1)
        li s2, 5
        li t2, USER_DATA_INIT
        bne t0, t2, user_fail
        li t0, USER_DATA_REPLY
        sw t0, 4(t1)
        addi sp, sp, -16                # the stack page
        sw t0, 12(sp)
        lw t2, 12(sp)
        addi sp, sp, 16
        li s2, 6
        bne t0, t2, user_fail
        li t1, STORE_FAULT_VA           # unmapped: page fault 15, mapped, restarted
        li t0, STORE_VALUE
        sw t0, 0(t1)
        lw t2, 0(t1)
        li s2, 7
        bne t0, t2, user_fail
        lw t2, 4(t1)                    # a fresh page is zeroed
        li s2, 8
        bnez t2, user_fail
        li t1, LOAD_FAULT_VA            # unmapped: page fault 13, mapped, restarted
        lw t0, 0(t1)
        li s2, 9
        li t2, LOAD_PATTERN
        bne t0, t2, user_fail
        li t0, STORE_FAULT_VA           # the first page is still mapped: no new fault
        lw t2, 0(t0)
        li t0, STORE_VALUE
        li s2, 10
        bne t0, t2, user_fail
        li a0, 0
        li t1, KERNEL_BASE              # kernel memory (U = 0): refused, skipped
        lw a0, 0(t1)
        li s2, 11
        li t0, REFUSED_MARK
        bne a0, t0, user_fail
        li a0, USER_EXIT_OK
        li a7, SYS_EXIT
        ecall
        li s2, 12                       # exit came back
user_fail:
        mv a0, s2
        li a7, SYS_EXIT
        ecall
        j user_fail
        .balign PAGE_SIZE               # nothing of the kernel's shares the U page
        .section .text

        TRAP_FRAMES trap_frame

        .section .bss
        .align 4
ticks:          .space 4
tick_target:    .space 4
deadline:       .space 8
vec_sync_hits:  .space 4
vec_timer_hits: .space 4
illegal_count:  .space 4
syscall_count:  .space 4
kernel_ctx:     .space 16
page_faults:    .space 4
refused_faults: .space 4
        .balign PAGE_SIZE               # page tables and the frames the U task's pages map to
pt_root:          .space PAGE_SIZE
pt_user:          .space PAGE_SIZE
user_data_frame:  .space PAGE_SIZE
user_stack_frame: .space PAGE_SIZE
store_frame:      .space PAGE_SIZE
load_frame:       .space PAGE_SIZE
