/* Trap-heavy M-mode loop: one trap per about 45 instructions (handler included). The loop executes
 * an instruction that traps into its own M-mode handler (mtvec), which counts the trap by mcause,
 * serves it and skips it (mepc += 4, mret). In turn: ecall, a write to the read-only CSR mvendorid, a read of the
 * unimplemented CSR 0x7ff, ecall again. The ecall is a tiny system call: a0 = (a0 ^ a7) + 1.
 * Checks: every ecall result, that the skipped csrr left its register alone, and the handler's
 * counts (TRAPS/2 environment calls, TRAPS/2 illegal instructions, nothing else). */
#include "common.h"

#define TRAPS (1u << 20)

struct trap_frame { u32 t0, t1, ecalls, illegals; };
struct trap_frame frame;

/* mscratch holds &frame; the handler swaps it with sp and saves the two registers it uses. */
__asm__(
  "  .text\n"
  "  .align 2\n"
  "trap_handler:\n"
  "  csrrw sp, mscratch, sp\n"
  "  sw t0, 0(sp)\n"
  "  sw t1, 4(sp)\n"
  "  csrr t0, mcause\n"
  "  li t1, 11\n"           /* environment call from M */
  "  bne t0, t1, 1f\n"
  "  xor a0, a0, a7\n"
  "  addi a0, a0, 1\n"
  "  lw t1, 8(sp)\n"
  "  addi t1, t1, 1\n"
  "  sw t1, 8(sp)\n"
  "  j 2f\n"
  "1:li t1, 2\n"            /* illegal instruction */
  "  bne t0, t1, 3f\n"
  "  lw t1, 12(sp)\n"
  "  addi t1, t1, 1\n"
  "  sw t1, 12(sp)\n"
  "2:csrr t0, mepc\n"
  "  addi t0, t0, 4\n"      /* ecall and csr instructions are 32-bit */
  "  csrw mepc, t0\n"
  "  lw t0, 0(sp)\n"
  "  lw t1, 4(sp)\n"
  "  csrrw sp, mscratch, sp\n"
  "  mret\n"
  "3:csrrw sp, mscratch, sp\n"
  "  j unexpected_trap\n");

extern char trap_handler[];

static inline u32 sys(u32 n, u32 arg) {
  register u32 a0 __asm__("a0") = arg;
  register u32 a7 __asm__("a7") = n;
  __asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
  return a0;
}

int main(void) {
  __asm__ volatile("csrw mscratch, %0" : : "r"(&frame));
  __asm__ volatile("csrw mtvec, %0" : : "r"(trap_handler));
  u32 x = 0x31415926u, acc = 0;
  for (u32 i = 0; i < TRAPS; i++) {
    for (int j = 0; j < 2; j++) { /* the work between traps */
      x = xorshift32(&x);
      acc += x ^ (acc >> 7);
    }
    switch (i & 3) {
    case 0:
    case 3: {
      u32 r = sys(7, x);
      if (r != (x ^ 7) + 1) return 1;
      acc ^= r;
      break;
    }
    case 1:
      __asm__ volatile("csrw mvendorid, %0" : : "r"(acc));
      break;
    case 2: {
      u32 v = acc;
      __asm__ volatile("csrr %0, 0x7ff" : "+r"(v));
      if (v != acc) return 2;
      break;
    }
    }
  }
  KEEP(acc);
  if (frame.ecalls != TRAPS / 2) return 3;
  if (frame.illegals != TRAPS / 2) return 4;
  return 0;
}
