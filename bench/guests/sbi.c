/* sbi: a trap-heavy S-mode guest. A loop of ITERATIONS steps, each some ordinary computation
 * (four xorshift32 rounds folded into a checksum, about 60 instructions) and then one privileged
 * operation, in a cycle of eight:
 *
 *   0  SBI BASE get_spec_version                 (ecall -> M, served by the SBI)
 *   1  SBI BASE probe_extension(TIME)  = 1       (ecall -> M)
 *   2  SBI TIME set_timer(far future)            (ecall -> M; STIP stays clear)
 *   3  misaligned lw                             (trapvisor: -> M, emulated; QEMU: done in hardware;
 *                                                 delegated ones this kernel emulates itself)
 *   4  ebreak                                    (delegated: -> S, this kernel skips it)
 *   5  SBI BASE probe_extension(0x0badc0de) = 0  (ecall -> M)
 *   6  unimp                                     (illegal instruction: -> M, forwarded to S)
 *   7  misaligned sw and lhu, rdtime             (-> M twice under trapvisor; time is native)
 *
 * Every TIMER_EVERY steps it also waits (wfi) for a timer interrupt it asked for with set_timer.
 * The checksum folds each operation's result (SBI return values, the misaligned data, the trap
 * counts); it does not depend on time, so trapvisor and QEMU agree. EXPECTED comes from
 * expected.py, which models the loop. Exit: SBI SRST shutdown, reason none (pass) or system
 * failure, after one line on the SBI debug console. */
#include "guest.h"

#define ITERATIONS    (1u << 18)
#define TIMER_EVERY   4096u
#define TIMER_DELTA   1000u
#define PROBE_UNKNOWN 0x0badc0deu
#define SEED_X        0x2545f491u
#define SEED_ACC      0x9e3779b9u
#define EXPECTED      0x65c561f4u

static volatile u32 ebreaks, illegals, timer_irqs;
/* Bytes 0..15; steps 3 and 7 read and write it at odd addresses. */
static u8 mbuf[16] __attribute__((aligned(4))) = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

/* A misaligned lw/lh/lhu/sw/sh (or c.lw, c.sw, c.lwsp, c.swsp) from this kernel, byte by byte: these
 * arrive here only when the hart delegates them (trapvisor --delegation all); by default the monitor
 * or the hardware completes them. Not counted in the checksum, so every configuration agrees. */
static void emulate_misaligned(struct frame *f, u32 cause) {
  const u32 pc = f->sepc;
  volatile u8 *const p = (volatile u8 *)f->stval;
  u32 insn = *(volatile const u16 *)pc, len = 2, size = 4, reg, load, sign = 1;
  if ((insn & 3) == 3) {
    insn |= (u32)*(volatile const u16 *)(pc + 2) << 16;
    len = 4;
    const u32 f3 = (insn >> 12) & 7;
    size = 1u << (f3 & 3);
    sign = !(f3 & 4);
    load = (insn & 0x7f) == 0x03;
    reg = load ? (insn >> 7) & 31 : (insn >> 20) & 31;
  } else if ((insn & 3) == 0) {
    load = (insn >> 13) == 2;
    reg = 8 + ((insn >> 2) & 7);
  } else {
    load = (insn >> 13) == 2;
    reg = load ? (insn >> 7) & 31 : (insn >> 2) & 31;
  }
  if (load != (cause == EXC_LOAD_MISALIGNED)) fail("sbi", 103, insn);
  if (load) {
    u32 v = 0;
    for (u32 i = 0; i < size; i++) v |= (u32)p[i] << (i << 3);
    if (size == 2 && sign) v = (u32)(i32)(short)v;
    if (reg) f->x[reg] = v;
  } else {
    const u32 v = f->x[reg];
    for (u32 i = 0; i < size; i++) p[i] = (u8)(v >> (i << 3));
  }
  f->sepc = pc + len;
}

void trap_handler(struct frame *f) {
  u32 cause = f->scause;
  if (cause == (CAUSE_INTERRUPT | IRQ_S_TIMER)) {
    sbi_set_timer(~0ull); /* clears STIP */
    timer_irqs++;
    return;
  }
  if (!(f->sstatus & SSTATUS_SPP)) fail("sbi", 100, f->sepc); /* nothing runs in U */
  if (cause == EXC_LOAD_MISALIGNED || cause == EXC_STORE_MISALIGNED) {
    emulate_misaligned(f, cause);
    return;
  }
  u32 len = insn_length(f->sepc);
  if (cause == EXC_BREAKPOINT) {
    ebreaks++;
  } else if (cause == EXC_ILLEGAL) {
    /* stval: 0 or the instruction's bits (priv spec 4.1.9) */
    u32 bits = len == 4 ? *(volatile u32 *)f->sepc : *(volatile u16 *)f->sepc;
    if (f->stval != 0 && f->stval != bits) fail("sbi", 101, f->stval);
    /* rdtime/rdtimeh (csrrs rd, time[h], x0) trap here only when the counter is gated and the hart
     * delegates illegal instructions (trapvisor --delegation all --time-csr emulate): read the
     * CLINT's mtime instead, as a kernel without a monitor below it would. */
    if ((bits & 0xfffff07fu) == 0xc0102073u || (bits & 0xfffff07fu) == 0xc8102073u) {
      const u32 rd = (bits >> 7) & 31;
      const u32 v = *(volatile u32 *)(bits >> 20 == 0xc01 ? CLINT_MTIME : CLINT_MTIME + 4);
      if (rd) f->x[rd] = v;
      f->sepc += 4;
      return;
    }
    illegals++;
  } else {
    fail("sbi", 102, cause);
  }
  f->sepc += len;
}

static inline u32 load_word_at(const u8 *p) {
  u32 v;
  __asm__ volatile("lw %0, 0(%1)" : "=r"(v) : "r"(p) : "memory");
  return v;
}

static inline u32 load_half_at(const u8 *p) {
  u32 v;
  __asm__ volatile("lhu %0, 0(%1)" : "=r"(v) : "r"(p) : "memory");
  return v;
}

static inline void store_word_at(u8 *p, u32 v) {
  __asm__ volatile("sw %0, 0(%1)" : : "r"(v), "r"(p) : "memory");
}

/* Ask for a timer interrupt soon and wait for it: wfi wakes on STIP with sie.STIE set even while
 * sstatus.SIE is clear; SIE is opened only between checks, so the interrupt cannot slip in between
 * the check and the wfi. */
static void wait_for_timer(void) {
  u32 before = timer_irqs;
  sbi_set_timer(read_time() + TIMER_DELTA);
  csr_set(sie, SIE_STIE);
  while (timer_irqs == before) {
    __asm__ volatile("wfi");
    csr_set(sstatus, SSTATUS_SIE);
    csr_clear(sstatus, SSTATUS_SIE);
  }
  csr_clear(sie, SIE_STIE);
}

int main(u32 hartid, u32 dtb) {
  (void)hartid;
  (void)dtb;
  struct sbiret r = sbi_call(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0, 0);
  if (r.error != 0) fail("sbi", 1, (u32)r.error);
  const u32 spec = r.value;
  u32 x = SEED_X, acc = SEED_ACC;
  u32 last_time = (u32)read_time();
  u32 calls = 1;

  for (u32 i = 0; i < ITERATIONS; i++) {
    for (u32 k = 0; k < 4; k++) {
      x = xorshift32(x);
      acc = rotl(acc ^ x, 5) + (x >> 3);
    }
    u32 v;
    switch (i & 7) {
    case 0:
      r = sbi_call(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0, 0);
      v = (u32)r.error + (r.value == spec);
      calls++;
      break;
    case 1:
      r = sbi_call(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, SBI_EXT_TIME, 0, 0);
      v = (u32)r.error + r.value;
      calls++;
      break;
    case 2:
      r = sbi_set_timer(~0ull);
      v = (u32)r.error + (csr_read(sip) & SIP_STIP);
      calls++;
      break;
    case 3:
      v = load_word_at(mbuf + 1 + ((i >> 2) & 2));
      break;
    case 4:
      __asm__ volatile("ebreak" : : : "memory");
      v = ebreaks;
      break;
    case 5:
      r = sbi_call(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, PROBE_UNKNOWN, 0, 0);
      v = (u32)r.error + r.value + 0x100;
      calls++;
      break;
    case 6:
      __asm__ volatile("unimp" : : : "memory");
      v = illegals << 8;
      break;
    default: {
      store_word_at(mbuf + 5, acc);
      v = load_half_at(mbuf + 7);
      u32 now = (u32)read_time();
      if (now - last_time >= 0x80000000u) fail("sbi", 2, now);
      last_time = now;
      break;
    }
    }
    acc = rotl(acc, 1) ^ v;
    if ((i & (TIMER_EVERY - 1)) == TIMER_EVERY - 1) {
      wait_for_timer();
      calls++; /* the handler's set_timer is counted below */
    }
  }
  calls += timer_irqs;

  struct line l;
  l.len = 0;
  if (ebreaks != ITERATIONS / 8) fail("sbi", 3, ebreaks);
  if (illegals != ITERATIONS / 8) fail("sbi", 4, illegals);
  if (timer_irqs != ITERATIONS / TIMER_EVERY) fail("sbi", 5, timer_irqs);
  u32 failed = acc != EXPECTED;
  add_str(&l, failed ? "sbi: FAIL checksum " : "sbi: ok, checksum ");
  add_hex(&l, acc);
  if (failed) {
    add_str(&l, " expected ");
    add_hex(&l, EXPECTED);
  }
  add_str(&l, "; ");
  add_num(&l, ITERATIONS);
  add_str(&l, " steps, ");
  add_num(&l, calls);
  add_str(&l, " SBI calls, ");
  add_num(&l, ebreaks);
  add_str(&l, " ebreaks, ");
  add_num(&l, illegals);
  add_str(&l, " illegal instructions, ");
  add_num(&l, timer_irqs);
  add_str(&l, " timer interrupts");
  finish(&l, failed);
}
