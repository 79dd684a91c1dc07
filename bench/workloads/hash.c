/* Open-addressing hash table (linear probing, 64 Ki slots, backward-shift deletion) with 40000
 * word keys, ROUNDS rounds: insert all, look up every key and as many absent ones, delete every
 * second key, look everything up again. Keys come from xorshift32, which repeats no value within a
 * round's 80000 draws, so the expected hit counts are exact.
 * Checks: each lookup's hit or miss and the value stored; the table's population after each phase. */
#include "common.h"

#define BITS 16
#define SLOTS (1u << BITS)
#define MASK (SLOTS - 1)
#define KEYS 40000
#define ROUNDS 6

static u32 keys[SLOTS]; /* 0 = empty (xorshift32 never yields 0) */
static u32 vals[SLOTS];
static u32 population;

static inline u32 slot_of(u32 k) { /* multiply-free mixing, so rv32i and rv32imac do the same work */
  k ^= k >> 16;
  k ^= k << 5;
  k ^= k >> 11;
  return k & MASK;
}

static int insert(u32 k, u32 v) {
  u32 i = slot_of(k);
  while (keys[i]) {
    if (keys[i] == k) { vals[i] = v; return 0; }
    i = (i + 1) & MASK;
  }
  keys[i] = k; vals[i] = v; population++;
  return 1;
}

static int lookup(u32 k, u32 *v) {
  for (u32 i = slot_of(k); keys[i]; i = (i + 1) & MASK)
    if (keys[i] == k) { *v = vals[i]; return 1; }
  return 0;
}

static int erase(u32 k) {
  u32 i = slot_of(k);
  while (keys[i] != k) {
    if (!keys[i]) return 0;
    i = (i + 1) & MASK;
  }
  /* backward shift: move later members of the cluster into the hole when their home allows */
  for (u32 j = (i + 1) & MASK; keys[j]; j = (j + 1) & MASK) {
    u32 home = slot_of(keys[j]);
    if (((j - home) & MASK) >= ((j - i) & MASK)) { keys[i] = keys[j]; vals[i] = vals[j]; i = j; }
  }
  keys[i] = 0; population--;
  return 1;
}

int main(void) {
  u32 seed = 0x0badf00du;
  for (int r = 0; r < ROUNDS; r++) {
    for (u32 i = 0; i < SLOTS; i++) keys[i] = 0;
    population = 0;
    u32 start = seed, s = start, v;
    for (u32 i = 0; i < KEYS; i++) if (!insert(xorshift32(&s), i)) return 1 + 10 * r;
    if (population != KEYS) return 2 + 10 * r;
    s = start;
    for (u32 i = 0; i < KEYS; i++) if (!lookup(xorshift32(&s), &v) || v != i) return 3 + 10 * r;
    for (u32 i = 0; i < KEYS; i++) if (lookup(xorshift32(&s), &v)) return 4 + 10 * r; /* absent */
    s = start;
    for (u32 i = 0; i < KEYS; i++) {
      u32 k = xorshift32(&s);
      if ((i & 1) == 0 && !erase(k)) return 5 + 10 * r;
    }
    if (population != KEYS / 2) return 6 + 10 * r;
    s = start;
    for (u32 i = 0; i < KEYS; i++) {
      int hit = lookup(xorshift32(&s), &v);
      if (hit != (int)(i & 1) || (hit && v != i)) return 7 + 10 * r;
    }
    seed = s; /* next round: the next 40000 values of the stream */
  }
  return 0;
}
