/* Sieve of Eratosthenes over odd numbers below 4,000,000 (one byte per odd number), ROUNDS times.
 * Checks: pi(10^6) = 78498, pi(2*10^6) = 148933 and pi(4*10^6) = 283146 primes, and the largest
 * prime below 4*10^6 is 3999971, every round. */
#include "common.h"

#define LIMIT 4000000u
#define HALF (LIMIT / 2) /* flag[i] stands for 2i+1 */
#define ROUNDS 2

static u8 composite[HALF];

int main(void) {
  for (int r = 0; r < ROUNDS; r++) {
    u32 *w = (u32 *)composite;
    for (u32 i = 0; i < HALF / 4; i++) w[i] = 0;
    composite[0] = 1; /* 1 is not prime */
    for (u32 i = 1;; i++) {
      u32 p = 2 * i + 1;
      u32 start = (p * p) / 2; /* index of p*p; p < 2000, no overflow */
      if (start >= HALF) break;
      if (composite[i]) continue;
      for (u32 j = start; j < HALF; j += p) composite[j] = 1;
    }
    u32 count = 1, last = 2; /* the prime 2 */
    u32 at1m = 0, at2m = 0;
    for (u32 i = 1; i < HALF; i++) {
      if (i == 500000) at1m = count;
      if (i == 1000000) at2m = count;
      if (!composite[i]) { count++; last = 2 * i + 1; }
    }
    if (at1m != 78498) return 1 + r * 10;
    if (at2m != 148933) return 2 + r * 10;
    if (count != 283146) return 3 + r * 10;
    if (last != 3999971) return 4 + r * 10;
  }
  return 0;
}
