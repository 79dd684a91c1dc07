/* Bignum arithmetic on 32-bit limbs (little-endian limb order):
 *  - schoolbook multiplication of two 512-limb (16384-bit) numbers, MUL_ROUNDS times, each round's
 *    factors being the two halves of the previous product;
 *  - addition: Fibonacci F(FIB_N) by repeated bignum addition.
 * Checks, casting out (2^32 - 1) and a 32-bit prime: (A*B) mod m == (A mod m)(B mod m) mod m
 * every round; F(FIB_N) mod m equals the Fibonacci recurrence computed mod m.
 * The rv32i build has no multiplier (each 32x32->64 product is a libgcc call), so it runs fewer
 * multiplication rounds: see the instruction counts in README.md. */
#include "common.h"

#define LIMBS 512
#ifdef __riscv_mul
#define MUL_ROUNDS 12
#else
#define MUL_ROUNDS 1
#endif
#define FIB_N 12000
#define FIB_LIMBS 288 /* F(12000) has 8330 bits */
#define P 4294967291u /* 2^32 - 5, prime */

static u32 a[LIMBS], b[LIMBS], c[2 * LIMBS];
static u32 f0[FIB_LIMBS], f1[FIB_LIMBS];

static void mul(const u32 *x, const u32 *y, u32 *z, u32 n) {
  for (u32 i = 0; i < 2 * n; i++) z[i] = 0;
  for (u32 i = 0; i < n; i++) {
    u64 xi = x[i];
    u32 carry = 0;
    for (u32 j = 0; j < n; j++) {
      u64 t = xi * y[j] + z[i + j] + carry;
      z[i + j] = (u32)t;
      carry = (u32)(t >> 32);
    }
    z[i + n] = carry;
  }
}

/* z = x + y over n limbs; returns the carry out. */
static u32 add(const u32 *x, const u32 *y, u32 *z, u32 n) {
  u32 carry = 0;
  for (u32 i = 0; i < n; i++) {
    u32 s = x[i] + carry;
    carry = s < carry;
    u32 t = s + y[i];
    carry += t < s;
    z[i] = t;
  }
  return carry;
}

/* x mod (2^32 - 1): the sum of the limbs with end-around carry. */
static u32 mod_m1(const u32 *x, u32 n) {
  u32 r = 0;
  for (u32 i = 0; i < n; i++) {
    r += x[i];
    if (r < x[i]) r++;
  }
  return r == 0xffffffffu ? 0 : r;
}

/* x mod P, Horner from the top limb. */
static u32 mod_p(const u32 *x, u32 n) {
  u64 r = 0;
  for (u32 i = n; i-- > 0;) r = ((r << 32) | x[i]) % P;
  return (u32)r;
}

static u32 mulmod(u32 x, u32 y, u32 m) { return (u32)((u64)x * y % m); }
static u32 addmod_m1(u32 x, u32 y) { u32 s = x + y; if (s < x) s++; return s == 0xffffffffu ? 0 : s; }
static u32 addmod_p(u32 x, u32 y) { u32 s = x + y; return (s < x || s >= P) ? s - P : s; }

int main(void) {
  u32 seed = 0x2545f491u;
  for (u32 i = 0; i < LIMBS; i++) { a[i] = xorshift32(&seed); b[i] = xorshift32(&seed); }
  for (int r = 0; r < MUL_ROUNDS; r++) {
    u32 am1 = mod_m1(a, LIMBS), bm1 = mod_m1(b, LIMBS);
    u32 ap = mod_p(a, LIMBS), bp = mod_p(b, LIMBS);
    mul(a, b, c, LIMBS);
    if (mod_m1(c, 2 * LIMBS) != mulmod(am1, bm1, 0xffffffffu)) return 1 + 10 * r;
    if (mod_p(c, 2 * LIMBS) != mulmod(ap, bp, P)) return 2 + 10 * r;
    /* next factors: the halves of the product, kept odd and full-length */
    for (u32 i = 0; i < LIMBS; i++) { a[i] = c[i]; b[i] = c[LIMBS + i]; }
    a[0] |= 1; b[LIMBS - 1] |= 0x80000000u;
  }

  /* x = F(k), y = F(k+1); x += y makes it F(k+2), then the pointers swap roles. */
  u32 *x = f0, *y = f1;
  y[0] = 1;
  u32 used = 1; /* limbs in use */
  u32 m0 = 0, m1 = 1, p0 = 0, p1 = 1;
  for (u32 k = 0; k < FIB_N; k++) {
    u32 carry = add(x, y, x, used);
    if (carry) { if (used == FIB_LIMBS) return 90; x[used++] = carry; }
    u32 *t = x; x = y; y = t;
    u32 n1 = addmod_m1(m0, m1); m0 = m1; m1 = n1;
    u32 q1 = addmod_p(p0, p1); p0 = p1; p1 = q1;
  }
  if (mod_m1(x, FIB_LIMBS) != m0) return 91;
  if (mod_p(x, FIB_LIMBS) != p0) return 92;
  return 0;
}
