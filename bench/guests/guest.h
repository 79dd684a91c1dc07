/* Shared pieces of the S-mode benchmark guests: types, a PRNG, CSR access, SBI calls, the console
 * and the end of a run. Freestanding: no C library, no multiply or divide (the rv32i and rv32imac
 * builds do the same work, and the paging guest's U-mode code could not call libgcc in kernel
 * pages anyway; the Makefile links without libgcc, so a stray multiply fails the build). */
#ifndef GUEST_H
#define GUEST_H

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef int i32;
typedef unsigned long long u64;

#define SBI_EXT_LEGACY_PUTCHAR 0x01
#define SBI_EXT_BASE   0x10
#define SBI_EXT_TIME   0x54494D45
#define SBI_EXT_SRST   0x53525354
#define SBI_EXT_DBCN   0x4442434E

#define SBI_BASE_GET_SPEC_VERSION 0
#define SBI_BASE_PROBE_EXTENSION  3
#define SBI_BASE_GET_MARCHID      5

#define SSTATUS_SIE  0x2
#define SSTATUS_SPIE 0x20
#define SSTATUS_SPP  0x100
#define SIP_STIP     0x20
#define SIE_STIE     0x20

#define CLINT_MTIME  0x0200bff8u /* trapvisor's and QEMU virt's CLINT */

#define CAUSE_INTERRUPT        0x80000000u
#define IRQ_S_TIMER            5
#define EXC_ILLEGAL            2
#define EXC_LOAD_MISALIGNED    4
#define EXC_STORE_MISALIGNED   6
#define EXC_BREAKPOINT         3
#define EXC_ECALL_U            8
#define EXC_LOAD_PAGE_FAULT    13
#define EXC_STORE_PAGE_FAULT   15

#define csr_read(name) ({ u32 v_; __asm__ volatile("csrr %0, " #name : "=r"(v_)); v_; })
#define csr_write(name, v) __asm__ volatile("csrw " #name ", %0" : : "r"((u32)(v)) : "memory")
#define csr_set(name, v) __asm__ volatile("csrs " #name ", %0" : : "r"((u32)(v)) : "memory")
#define csr_clear(name, v) __asm__ volatile("csrc " #name ", %0" : : "r"((u32)(v)) : "memory")

/* xorshift32 (Marsaglia): a bijection on nonzero words, no multiply. Always inlined, so U-mode code
 * (.text.user) never calls into kernel pages for it. */
static inline __attribute__((always_inline)) u32 xorshift32(u32 x) {
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return x;
}

static inline __attribute__((always_inline)) u32 rotl(u32 x, u32 n) {
  return (x << n) | (x >> (32 - n));
}

struct sbiret { i32 error; u32 value; };

/* ECALL from S: a7 = extension, a6 = function, a0-a2 arguments; a0 = error, a1 = value. */
static inline struct sbiret sbi_call(u32 eid, u32 fid, u32 arg0, u32 arg1, u32 arg2) {
  register u32 a0 __asm__("a0") = arg0;
  register u32 a1 __asm__("a1") = arg1;
  register u32 a2 __asm__("a2") = arg2;
  register u32 a6 __asm__("a6") = fid;
  register u32 a7 __asm__("a7") = eid;
  __asm__ volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a2), "r"(a6), "r"(a7) : "memory");
  return (struct sbiret){ (i32)a0, a1 };
}

/* TIME set_timer: the next timer interrupt at `when` (all ones: never); clears a pending one. */
static inline struct sbiret sbi_set_timer(u64 when) {
  return sbi_call(SBI_EXT_TIME, 0, (u32)when, (u32)(when >> 32), 0);
}

/* The 64-bit `time` counter (native rdtime under both trapvisor's default and QEMU virt). */
static inline u64 read_time(void) {
  u32 hi, lo, hi2;
  do {
    hi = csr_read(timeh);
    lo = csr_read(time);
    hi2 = csr_read(timeh);
  } while (hi != hi2);
  return ((u64)hi << 32) | lo;
}

/* Print through DBCN console_write (the buffer's address is physical: the guests' kernel memory is
 * identity-mapped); where DBCN is missing, legacy console_putchar byte by byte. */
static void put(const char *s, u32 n) {
  if (sbi_call(SBI_EXT_DBCN, 0, n, (u32)s, 0).error == 0) return;
  for (u32 i = 0; i < n; i++) sbi_call(SBI_EXT_LEGACY_PUTCHAR, 0, (u8)s[i], 0, 0);
}

/* A line being built: text, unsigned decimal numbers (no division: subtracting powers of ten), hex. */
struct line { char buf[160]; u32 len; };

static void add_char(struct line *l, char c) {
  if (l->len < sizeof l->buf) l->buf[l->len++] = c;
}

static void add_str(struct line *l, const char *s) {
  while (*s) add_char(l, *s++);
}

static void add_num(struct line *l, u32 v) {
  static const u32 pow10[] = { 1000000000, 100000000, 10000000, 1000000, 100000, 10000, 1000, 100, 10, 1 };
  int started = 0;
  for (u32 i = 0; i < sizeof pow10 / sizeof pow10[0]; i++) {
    char d = '0';
    while (v >= pow10[i]) { v -= pow10[i]; d++; }
    if (d != '0' || started || i == 9) {
      started = 1;
      add_char(l, d);
    }
  }
}

static void add_hex(struct line *l, u32 v) {
  add_str(l, "0x");
  for (int s = 28; s >= 0; s -= 4) add_char(l, "0123456789abcdef"[(v >> s) & 15]);
}

/* A trap as start.S's trap_entry saved it: x[i] at 4 * i (x[0] unused), then the trap CSRs. */
struct frame { u32 x[32]; u32 sepc, sstatus, scause, stval; };
_Static_assert(sizeof(struct frame) == 144, "start.S FRAME_SIZE");

/* Called by trap_entry for every trap that reaches S; returning resumes the (edited) frame. */
void trap_handler(struct frame *f);
/* Resume the frame with sret (start.S); with SPP = 0 this enters U-mode. */
void trap_return(struct frame *f) __attribute__((noreturn));

/* End of a run (start.S): SRST shutdown, reason "none" or "system failure"; never returns. */
void guest_exit(u32 failed) __attribute__((noreturn));

/* Length of the instruction at `pc` (kernel memory): 2 for a compressed one, else 4. */
static inline u32 insn_length(u32 pc) {
  return (*(volatile const u16 *)pc & 3) == 3 ? 4 : 2;
}

/* Print the line and shut down: failed = 0 for "<name>: ok ...", 1 for a failed self-check. */
static void __attribute__((noreturn)) finish(struct line *l, u32 failed) {
  add_str(l, "\n");
  put(l->buf, l->len);
  guest_exit(failed);
}

/* "<name>: FAIL check <check> (<detail>)", then SRST reason "system failure". */
static void __attribute__((noreturn, unused)) fail(const char *name, u32 check, u32 detail) {
  struct line l;
  l.len = 0;
  add_str(&l, name);
  add_str(&l, ": FAIL check ");
  add_num(&l, check);
  add_str(&l, " (");
  add_hex(&l, detail);
  add_str(&l, ")");
  finish(&l, 1);
}

#endif
