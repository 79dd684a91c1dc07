# CSR privilege from address bits [9:8]: S-mode accessing any M CSR (0x3xx, 0x7xx,
# 0xBxx, 0xFxx) raises illegal instruction, even a read-only one or a no-write form;
# U-mode accessing S or M CSRs likewise. S may use its own CSRs; both may read the
# unprivileged counters when enabled by m/scounteren.
#include "../rv32mi/priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        PMP_ALLOW_ALL
        csrw mie, zero
        csrw medeleg, zero
        li a0, -1
        csrw mcounteren, a0
        csrw scounteren, a0

        TRAP_CLEAR
        ENTER_S(in_s)
in_s:   li a2, 0
        EXPECT_ILLEGAL(1, csrr a1, mstatus)
        EXPECT_ILLEGAL(2, csrw mstatus, a2)
        EXPECT_ILLEGAL(3, csrr a1, mscratch)
        EXPECT_ILLEGAL(4, csrr a1, misa)
        EXPECT_ILLEGAL(5, csrr a1, mtvec)
        EXPECT_ILLEGAL(6, csrr a1, mepc)
        EXPECT_ILLEGAL(7, csrr a1, mcause)
        EXPECT_ILLEGAL(8, csrr a1, mie)
        EXPECT_ILLEGAL(9, csrr a1, mip)
        EXPECT_ILLEGAL(10, csrr a1, medeleg)
        EXPECT_ILLEGAL(11, csrr a1, mideleg)
        EXPECT_ILLEGAL(12, csrr a1, mhartid)          # read-only M CSR
        EXPECT_ILLEGAL(13, csrrs a1, mvendorid, x0)
        EXPECT_ILLEGAL(14, csrr a1, mcycle)           # 0xB00
        EXPECT_ILLEGAL(15, csrr a1, minstret)
        EXPECT_ILLEGAL(16, csrr a1, mcounteren)
        EXPECT_ILLEGAL(17, csrr a1, pmpcfg0)
        EXPECT_ILLEGAL(18, csrr a1, pmpaddr0)
        EXPECT_ILLEGAL(19, csrr a1, mstatush)
        EXPECT_ILLEGAL(20, csrr a1, menvcfg)
        EXPECT_ILLEGAL(21, csrr a1, mcountinhibit)
        EXPECT_ILLEGAL(22, csrr a1, mtval)
        # S's own CSRs are fine
        EXPECT_OK(30, csrr a1, sstatus)
        EXPECT_OK(31, csrw sscratch, a2)
        EXPECT_OK(32, csrr a1, sie)
        EXPECT_OK(33, csrr a1, sip)
        EXPECT_OK(34, csrr a1, stvec)
        EXPECT_OK(35, csrr a1, sepc)
        EXPECT_OK(36, csrr a1, scause)
        EXPECT_OK(37, csrr a1, stval)
        EXPECT_OK(38, csrr a1, scounteren)
        EXPECT_OK(39, csrr a1, senvcfg)
        EXPECT_OK(40, csrr a1, satp)
        EXPECT_OK(41, csrr a1, cycle)
        EXPECT_OK(42, csrr a1, instret)
        EXPECT_OK(43, csrr a1, cycleh)
        BACK_TO_M(in_m)
        j fail
in_m:
        TRAP_CLEAR
        ENTER_U(in_u)
in_u:
        EXPECT_ILLEGAL(50, csrr a1, sstatus)
        EXPECT_ILLEGAL(51, csrw sscratch, a2)
        EXPECT_ILLEGAL(52, csrr a1, sie)
        EXPECT_ILLEGAL(53, csrr a1, sip)
        EXPECT_ILLEGAL(54, csrr a1, stvec)
        EXPECT_ILLEGAL(55, csrr a1, sepc)
        EXPECT_ILLEGAL(56, csrr a1, scause)
        EXPECT_ILLEGAL(57, csrr a1, stval)
        EXPECT_ILLEGAL(58, csrr a1, satp)
        EXPECT_ILLEGAL(59, csrr a1, scounteren)
        EXPECT_ILLEGAL(60, csrr a1, senvcfg)
        EXPECT_ILLEGAL(61, csrrsi a1, sscratch, 0)
        EXPECT_ILLEGAL(62, csrr a1, mstatus)
        EXPECT_ILLEGAL(63, csrr a1, mscratch)
        EXPECT_ILLEGAL(64, csrr a1, mhartid)
        EXPECT_OK(70, csrr a1, cycle)
        EXPECT_OK(71, csrr a1, instreth)
        BACK_TO_M(in_m2)
        j fail
in_m2:
        TV_PASS
M_TRAP_HANDLER
TV_END
