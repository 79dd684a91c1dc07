/* Shared helpers for the benchmark workloads: fixed-width types, a PRNG, exit codes. */
#ifndef WORKLOAD_COMMON_H
#define WORKLOAD_COMMON_H

typedef unsigned char u8;
typedef unsigned int u32;
typedef int i32;
typedef unsigned long long u64;

/* xorshift32 (Marsaglia): a bijection on nonzero words, no multiply, so rv32i and rv32imac
 * builds do the same work. */
static inline u32 xorshift32(u32 *s) {
  u32 x = *s;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *s = x;
}

/* Keep the compiler from folding a computed value away. */
#define KEEP(v) __asm__ volatile("" : : "r"(v) : "memory")

int main(void);

#endif
