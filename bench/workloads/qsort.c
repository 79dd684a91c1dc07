/* In-place quicksort (Hoare partition, median of three, insertion sort below 16 elements, recursion
 * on the smaller side) of 64 Ki pseudo-random words, ROUNDS times with fresh data.
 * Checks per round: the result is ascending and is a permutation of the input, as far as three
 * order-independent fingerprints tell (the sum, the xor and the sum of a mix of all words). */
#include "common.h"

#define N (64 * 1024)
#define ROUNDS 6

static u32 a[N];

static void insertion(u32 *v, i32 n) {
  for (i32 i = 1; i < n; i++) {
    u32 x = v[i];
    i32 j = i - 1;
    while (j >= 0 && v[j] > x) { v[j + 1] = v[j]; j--; }
    v[j + 1] = x;
  }
}

static void swap(u32 *x, u32 *y) { u32 t = *x; *x = *y; *y = t; }

static void quicksort(u32 *v, i32 n) {
  while (n > 16) {
    i32 m = n / 2;
    if (v[m] < v[0]) swap(&v[m], &v[0]);
    if (v[n - 1] < v[0]) swap(&v[n - 1], &v[0]);
    if (v[n - 1] < v[m]) swap(&v[n - 1], &v[m]);
    u32 pivot = v[m];
    i32 i = -1, j = n;
    for (;;) {
      do i++; while (v[i] < pivot);
      do j--; while (v[j] > pivot);
      if (i >= j) break;
      swap(&v[i], &v[j]);
    }
    /* v[0..j] <= pivot <= v[j+1..n) */
    i32 left = j + 1, right = n - left;
    if (left < right) { quicksort(v, left); v += left; n = right; }
    else { quicksort(v + left, right); n = left; }
  }
  insertion(v, n);
}

/* Order-independent fingerprints: sum, xor, and the sum of each word mixed. */
static void fingerprint(const u32 *v, u32 out[3]) {
  u32 s = 0, x = 0, h = 0;
  for (i32 i = 0; i < N; i++) {
    u32 w = v[i];
    s += w; x ^= w;
    w ^= w >> 16; w ^= w << 7; h += w;
  }
  out[0] = s; out[1] = x; out[2] = h;
}

int main(void) {
  u32 seed = 0x9e3779b9u;
  for (int r = 0; r < ROUNDS; r++) {
    /* Round 1 has many duplicates (values below 256), the rest are full-range words. */
    u32 mask = r == 1 ? 0xffu : 0xffffffffu;
    for (i32 i = 0; i < N; i++) a[i] = xorshift32(&seed) & mask;
    u32 before[3], after[3];
    fingerprint(a, before);
    quicksort(a, N);
    for (i32 i = 1; i < N; i++) if (a[i - 1] > a[i]) return 10 + r;
    fingerprint(a, after);
    if (before[0] != after[0] || before[1] != after[1] || before[2] != after[2]) return 20 + r;
  }
  return 0;
}
