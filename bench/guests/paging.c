/* paging: an Sv32 workload with its memory-heavy part in U-mode.
 *
 * S-mode builds the page tables: the kernel's 4 MiB window (0x80400000, where it is loaded)
 * identity-mapped with 4 KiB pages, S-only (text R-X, rodata R, data/bss and the frame pool RW),
 * except the pages of .utext, which are U R-X at the same addresses; the rest of RAM as S RW
 * 4 MiB superpages (the kernel checks the device tree's magic through them). U-mode gets three
 * regions, all demand-paged or copy-on-write, with frames from a pool above the kernel image:
 *
 *   HEAP_VA   an array A of 64 Ki words (64 pages) and a hash table H of 16 Ki slots (32 pages):
 *             the first touch of a page is a page fault that S answers with a zeroed frame
 *   COW_VA    16 pages mapped read-only onto template frames; a U store takes a store page fault
 *             and S gives the page a private copy of its template
 *   STACK_VA  8 pages below 0x80000000, demand-paged
 *
 * Then satp, sfence.vma, and sret into U (SPP = 0). Each of ROUNDS rounds in U: fill A from
 * xorshift32, five strided walks over it (every stride odd, so each visits all 64 pages in a
 * different order), a prefix-sum pass, clear H and insert 12000 keys (open addressing, linear
 * probing), look up 12000 present and 12000 absent keys, write into the copy-on-write pages, try a
 * load from a kernel page (a load page fault; S refuses it: the load returns PROBE_MARK), report
 * the round's checksum, and unmap A, so the next round faults its pages in again. System calls
 * (delegated ECALL from U, served at stvec): exit, tick (every 8 Ki walk steps and 256 hash
 * operations), report, unmap, cow_reset.
 *
 * EXPECTED_* come from expected.py, which models the U-mode work and the kernel's replies. Exit:
 * SBI SRST shutdown, reason none (pass) or system failure, after one line on the SBI console. */
#include "guest.h"

#define ROUNDS 5

#define PTE_V 0x001u
#define PTE_R 0x002u
#define PTE_W 0x004u
#define PTE_X 0x008u
#define PTE_U 0x010u
#define PTE_A 0x040u
#define PTE_D 0x080u
#define PAGE 4096u
#define SATP_SV32 0x80000000u

#define KERNEL_BASE  0x80400000u
#define WINDOW_END   0x80800000u /* the 4 MiB the kernel's level-1 table covers */
#define RAM_END      0x88000000u /* 128 MiB: trapvisor's and QEMU virt's default */

#define A_WORDS    65536u
#define A_PAGES    (A_WORDS * 4 / PAGE)
#define H_SLOTS    16384u
#define KEYS       12000u
#define HEAP_VA    0x10000000u
#define H_VA       (HEAP_VA + A_WORDS * 4)
#define HEAP_PAGES (A_PAGES + H_SLOTS * 8 / PAGE)
#define COW_VA     0x20000000u
#define COW_PAGES  16u
#define STACK_TOP  0x80000000u
#define STACK_PAGES 8u
#define STACK_VA   (STACK_TOP - STACK_PAGES * PAGE)
#define PROBE_VA   KERNEL_BASE
#define PROBE_MARK 0xfee1deadu

#define SYS_EXIT      0
#define SYS_TICK      1
#define SYS_REPORT    2
#define SYS_UNMAP     3
#define SYS_COW_RESET 4

#define EXPECTED_TOTAL  0x082f1fcau
#define EXPECTED_KERNEL 0x81b97f45u
#define EXPECTED_TICKS  895u

extern char __user_text_start[], __user_text_end[], __data_start[], _end[];

static u32 root[1024] __attribute__((aligned(PAGE)));
static u32 kernel_pt[1024] __attribute__((aligned(PAGE)));
static u32 heap_pt[1024] __attribute__((aligned(PAGE)));
static u32 cow_pt[1024] __attribute__((aligned(PAGE)));
static u32 stack_pt[1024] __attribute__((aligned(PAGE)));
static u8 kstack[8192] __attribute__((aligned(16))); /* where traps from U land */

static u32 free_frames[1024], nfree, frames_total;
static u32 templates[COW_PAGES];
static u32 heap_faults, stack_faults, cow_faults, refused, ticks, reports, kernel_sum;

/* ---- the kernel ------------------------------------------------------------------------------ */

static inline u32 pte_to_pa(u32 pte) { return (pte >> 10) << 12; }
static inline u32 pa_to_pte(u32 pa, u32 flags) { return ((pa >> 12) << 10) | flags; }
static inline void sfence_page(u32 va) { __asm__ volatile("sfence.vma %0, zero" : : "r"(va) : "memory"); }

static u32 alloc_frame(void) {
  if (nfree == 0) fail("paging", 10, frames_total);
  return free_frames[--nfree];
}

static void free_frame(u32 pa) { free_frames[nfree++] = pa; }

static void zero_page(u32 pa) {
  u32 *p = (u32 *)pa;
  for (u32 i = 0; i < PAGE / 4; i += 4) { p[i] = 0; p[i + 1] = 0; p[i + 2] = 0; p[i + 3] = 0; }
}

static void copy_page(u32 dst, u32 src) {
  u32 *d = (u32 *)dst;
  const u32 *s = (const u32 *)src;
  for (u32 i = 0; i < PAGE / 4; i += 2) { d[i] = s[i]; d[i + 1] = s[i + 1]; }
}

/* The leaf PTE of a U-region address (its level-1 table is always there). */
static u32 *leaf(u32 va) {
  u32 *pt = (u32 *)pte_to_pa(root[va >> 22]);
  return &pt[(va >> 12) & 1023];
}

static void build_tables(void) {
  const u32 ut0 = (u32)__user_text_start, ut1 = (u32)__user_text_end, data = (u32)__data_start;
  const u32 pool = ((u32)_end + PAGE - 1) & ~(PAGE - 1);
  for (u32 va = KERNEL_BASE; va < WINDOW_END; va += PAGE) {
    u32 flags = PTE_R | PTE_W | PTE_A | PTE_D | PTE_V;
    if (va < ut0) flags = PTE_R | PTE_X | PTE_A | PTE_V;
    else if (va < ut1) flags = PTE_U | PTE_R | PTE_X | PTE_A | PTE_V;
    else if (va < data) flags = PTE_R | PTE_A | PTE_V;
    kernel_pt[(va >> 12) & 1023] = pa_to_pte(va, flags);
  }
  root[KERNEL_BASE >> 22] = pa_to_pte((u32)kernel_pt, PTE_V);
  for (u32 pa = WINDOW_END; pa < RAM_END; pa += 0x400000)
    root[pa >> 22] = pa_to_pte(pa, PTE_R | PTE_W | PTE_A | PTE_D | PTE_V);
  root[HEAP_VA >> 22] = pa_to_pte((u32)heap_pt, PTE_V);
  root[COW_VA >> 22] = pa_to_pte((u32)cow_pt, PTE_V);
  root[STACK_VA >> 22] = pa_to_pte((u32)stack_pt, PTE_V);
  /* the frame pool: every page between the image and the end of the window, last one first */
  for (u32 pa = pool; pa < WINDOW_END && nfree < sizeof free_frames / sizeof free_frames[0]; pa += PAGE)
    free_frames[nfree++] = pa;
  for (u32 i = 0, j = nfree - 1; i < j; i++, j--) { u32 t = free_frames[i]; free_frames[i] = free_frames[j]; free_frames[j] = t; }
  frames_total = nfree;
  /* copy-on-write templates: word w of page p is 0x5a000000 ^ (p << 16) ^ w */
  for (u32 p = 0; p < COW_PAGES; p++) {
    u32 *t = (u32 *)(templates[p] = alloc_frame());
    for (u32 w = 0; w < PAGE / 4; w++) t[w] = 0x5a000000u ^ (p << 16) ^ w;
  }
}

static int in_range(u32 va, u32 base, u32 pages) { return va - base < pages * PAGE; }

static void __attribute__((noreturn)) report_and_exit(u32 total) {
  const u32 stack_ok = stack_faults >= 1 && stack_faults <= STACK_PAGES;
  const u32 in_use = frames_total - nfree;
  const u32 expect_in_use = COW_PAGES + COW_PAGES / 2 + (HEAP_PAGES - A_PAGES) + stack_faults;
  if (heap_faults != ROUNDS * A_PAGES + (HEAP_PAGES - A_PAGES)) fail("paging", 20, heap_faults);
  if (!stack_ok) fail("paging", 21, stack_faults);
  if (cow_faults != ROUNDS * COW_PAGES / 2) fail("paging", 22, cow_faults);
  if (refused != ROUNDS) fail("paging", 23, refused);
  if (reports != ROUNDS) fail("paging", 24, reports);
  if (in_use != expect_in_use) fail("paging", 25, in_use);
  if (ticks != EXPECTED_TICKS) fail("paging", 26, ticks);
  const u32 failed = total != EXPECTED_TOTAL || kernel_sum != EXPECTED_KERNEL;
  struct line l;
  l.len = 0;
  add_str(&l, failed ? "paging: FAIL checksum " : "paging: ok, checksum ");
  add_hex(&l, total);
  add_str(&l, "/");
  add_hex(&l, kernel_sum);
  add_str(&l, "; ");
  add_num(&l, ROUNDS);
  add_str(&l, " rounds, ");
  add_num(&l, heap_faults + stack_faults);
  add_str(&l, " demand faults, ");
  add_num(&l, cow_faults);
  add_str(&l, " copy-on-write faults, ");
  add_num(&l, refused);
  add_str(&l, " refused kernel loads, ");
  add_num(&l, ticks + reports + 2 * ROUNDS + 1);
  add_str(&l, " ecalls");
  finish(&l, failed);
}

static void syscall(struct frame *f) {
  const u32 a0 = f->x[10], a1 = f->x[11];
  f->sepc += 4;
  switch (f->x[17]) {
  case SYS_EXIT:
    report_and_exit(a0);
  case SYS_TICK:
    ticks++;
    f->x[10] = rotl(a0, 7) ^ ticks;
    return;
  case SYS_REPORT:
    reports++;
    kernel_sum = rotl(kernel_sum, 5) ^ a0;
    f->x[10] = 0;
    return;
  case SYS_UNMAP: {
    if (!in_range(a0, HEAP_VA, HEAP_PAGES) || a1 > HEAP_PAGES || !in_range(a0 + a1 * PAGE - 1, HEAP_VA, HEAP_PAGES))
      fail("paging", 30, a0);
    u32 n = 0;
    for (u32 va = a0; va < a0 + a1 * PAGE; va += PAGE) {
      u32 *pte = leaf(va);
      if (!(*pte & PTE_V)) continue;
      free_frame(pte_to_pa(*pte));
      *pte = 0;
      sfence_page(va);
      n++;
    }
    f->x[10] = n;
    return;
  }
  case SYS_COW_RESET:
    for (u32 p = 0; p < COW_PAGES; p++) {
      const u32 va = COW_VA + p * PAGE;
      u32 *pte = leaf(va);
      if ((*pte & PTE_V) && (*pte & PTE_W)) free_frame(pte_to_pa(*pte));
      *pte = pa_to_pte(templates[p], PTE_U | PTE_R | PTE_A | PTE_V);
      sfence_page(va);
    }
    f->x[10] = 0;
    return;
  default:
    fail("paging", 31, f->x[17]);
  }
}

static void page_fault(struct frame *f, u32 cause) {
  const u32 va = f->stval;
  u32 *pte;
  if (cause == EXC_LOAD_PAGE_FAULT && va == PROBE_VA) {
    refused++;
    f->x[10] = PROBE_MARK; /* the probe's destination register; the probe is 4 bytes (norvc) */
    f->sepc += 4;
    return;
  }
  if (in_range(va, COW_VA, COW_PAGES)) {
    pte = leaf(va);
    if (cause != EXC_STORE_PAGE_FAULT || !(*pte & PTE_V) || (*pte & PTE_W)) fail("paging", 40, va);
    const u32 copy = alloc_frame();
    copy_page(copy, pte_to_pa(*pte));
    *pte = pa_to_pte(copy, PTE_U | PTE_R | PTE_W | PTE_A | PTE_D | PTE_V);
    sfence_page(va);
    cow_faults++;
    return;
  }
  const int heap = in_range(va, HEAP_VA, HEAP_PAGES);
  if (!heap && !in_range(va, STACK_VA, STACK_PAGES)) fail("paging", 41, va);
  pte = leaf(va);
  if (*pte & PTE_V) fail("paging", 42, va); /* a mapped page never faults here */
  const u32 frame = alloc_frame();
  zero_page(frame);
  *pte = pa_to_pte(frame, PTE_U | PTE_R | PTE_W | PTE_A | PTE_D | PTE_V);
  sfence_page(va & ~(PAGE - 1));
  if (heap) heap_faults++;
  else stack_faults++;
}

void trap_handler(struct frame *f) {
  const u32 cause = f->scause;
  if (f->sstatus & SSTATUS_SPP) fail("paging", 50, cause); /* the kernel itself never traps */
  if (cause == EXC_ECALL_U) syscall(f);
  else if (cause == EXC_LOAD_PAGE_FAULT || cause == EXC_STORE_PAGE_FAULT) page_fault(f, cause);
  else fail("paging", 51, cause);
}

/* ---- U-mode: .utext, mapped U; no globals, no calls outside this section ----------------- */

#define USER __attribute__((section(".utext"), noinline))

static inline __attribute__((always_inline)) u32 u_syscall(u32 n, u32 arg0, u32 arg1) {
  register u32 a0 __asm__("a0") = arg0;
  register u32 a1 __asm__("a1") = arg1;
  register u32 a7 __asm__("a7") = n;
  __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a7) : "memory");
  return a0;
}

/* Visit all of A with an odd stride, folding each word into h; a tick every 8 Ki steps. */
USER static u32 u_walk(const u32 *a, u32 stride, u32 h) {
  u32 idx = 0;
  for (u32 n = 0; n < A_WORDS; n++) {
    h = rotl(h, 3) ^ a[idx];
    idx = (idx + stride) & (A_WORDS - 1);
    if ((n & 8191) == 8191) h = u_syscall(SYS_TICK, h, 0);
  }
  return h;
}

static inline __attribute__((always_inline)) u32 u_slot(u32 key) {
  return (key ^ (key >> 14) ^ (key >> 23)) & (H_SLOTS - 1);
}

/* Insert KEYS keys taken from A, then look each up, and as many keys that are (almost surely)
 * absent. Returns a fold of the counts and found values. */
USER static u32 u_hash(const u32 *a, u32 *h, u32 r) {
  for (u32 i = 0; i < 2 * H_SLOTS; i += 2) { h[i] = 0; h[i + 1] = 0; }
  u32 tick = r, inserted = 0, dups = 0;
  u32 idx = r;
  for (u32 j = 0; j < KEYS; j++) {
    idx = (idx + 5) & (A_WORDS - 1);
    const u32 key = a[idx] | 1;
    u32 s = u_slot(key);
    for (;;) {
      const u32 k = h[2 * s];
      if (k == 0) { h[2 * s] = key; h[2 * s + 1] = j; inserted++; break; }
      if (k == key) { h[2 * s + 1] += j; dups++; break; }
      s = (s + 1) & (H_SLOTS - 1);
    }
    if ((j & 255) == 255) tick = u_syscall(SYS_TICK, tick ^ inserted, 0);
  }
  u32 found = 0, missed = 0, sum = 0;
  idx = r;
  for (u32 j = 0; j < 2 * KEYS; j++) {
    u32 key;
    if (j & 1) key = (a[idx] | 1) ^ 0x80000000u; /* flipped top bit: (almost surely) absent */
    else { idx = (idx + 5) & (A_WORDS - 1); key = a[idx] | 1; }
    u32 s = u_slot(key);
    for (;;) {
      const u32 k = h[2 * s];
      if (k == 0) { missed++; break; }
      if (k == key) { found++; sum = rotl(sum, 1) + h[2 * s + 1]; break; }
      s = (s + 1) & (H_SLOTS - 1);
    }
    if ((j & 255) == 255) tick = u_syscall(SYS_TICK, tick ^ found, 0);
  }
  return (inserted << 16) ^ (dups << 8) ^ (found << 12) ^ missed ^ rotl(sum, 9) ^ tick;
}

/* Copy-on-write: read every template page, write every other page (a store fault each), read back. */
USER static u32 u_cow(u32 *c, u32 r) {
  u32 v = u_syscall(SYS_COW_RESET, 0, 0);
  for (u32 p = 0; p < COW_PAGES; p++) v = rotl(v, 1) + c[(p << 10) + ((r + p) & 1023)];
  for (u32 p = 0; p < COW_PAGES; p += 2) c[(p << 10) + (r & 1023)] = v + p;
  for (u32 p = 0; p < COW_PAGES; p++) v ^= c[(p << 10) + (r & 1023)] + c[(p << 10) + 1023];
  return v;
}

/* A load from a kernel page: the kernel refuses it and makes it return PROBE_MARK. */
USER static u32 u_probe(void) {
  register u32 a0 __asm__("a0") = 0;
  register u32 a1 __asm__("a1") = PROBE_VA;
  __asm__ volatile(".option push\n\t.option norvc\n\tlw %0, 0(%1)\n\t.option pop" : "+r"(a0) : "r"(a1) : "memory");
  return a0;
}

USER static u32 u_round(u32 *a, u32 *h, u32 *c, u32 r) {
  u32 s = 0x01234567u + r;
  for (u32 i = 0; i < A_WORDS; i++) { s = xorshift32(s); a[i] = s; }
  u32 w = r;
  w = u_walk(a, 1, w);
  w = u_walk(a, 3, w);
  w = u_walk(a, 257, w);
  w = u_walk(a, 4097, w);
  w = u_walk(a, 40503, w);
  for (u32 i = 1; i < A_WORDS; i++) a[i] += a[i - 1];
  w ^= a[A_WORDS - 1];
  w = rotl(w, 11) ^ u_hash(a, h, r);
  w = rotl(w, 11) ^ u_cow(c, r);
  return w ^ (u_probe() == PROBE_MARK ? 0x1000u : 0);
}

USER static void __attribute__((noreturn)) u_main(void) {
  u32 *const a = (u32 *)HEAP_VA, *const h = (u32 *)H_VA, *const c = (u32 *)COW_VA;
  u32 total = 0;
  for (u32 r = 0; r < ROUNDS; r++) {
    const u32 rs = u_round(a, h, c, r);
    u_syscall(SYS_REPORT, rs, 0);
    total = rotl(total, 3) + rs;
    total ^= u_syscall(SYS_UNMAP, HEAP_VA, A_PAGES);
  }
  u_syscall(SYS_EXIT, total, 0);
  for (;;) {}
}

/* ---- boot -------------------------------------------------------------------------------------- */

int main(u32 hartid, u32 dtb) {
  (void)hartid;
  build_tables();
  csr_write(satp, SATP_SV32 | ((u32)root >> 12));
  __asm__ volatile("sfence.vma zero, zero" : : : "memory");
  /* the device tree, through the superpages (both trapvisor and QEMU put it near the top of RAM) */
  if (dtb >= WINDOW_END && dtb < RAM_END && *(volatile u32 *)dtb != 0xedfe0dd0u) fail("paging", 1, dtb);
  struct frame *f = (struct frame *)(kstack + sizeof kstack) - 1;
  for (u32 i = 0; i < 32; i++) f->x[i] = 0;
  f->x[2] = STACK_TOP;
  f->sepc = (u32)u_main;
  f->sstatus = csr_read(sstatus) & ~(SSTATUS_SPP | SSTATUS_SPIE | SSTATUS_SIE);
  trap_return(f);
}
