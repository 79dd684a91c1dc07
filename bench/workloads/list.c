/* Singly linked list of 32 Ki nodes, linked in a pseudo-random order over one array, so every step
 * is a dependent load to an unpredictable address:
 *  - TRAVERSALS passes that sum the values, branching on each value's low bit;
 *  - an in-place reversal after every pass;
 *  - SEARCHES searches for a random key, each moving the node found to the front.
 * Checks: every pass sees all N nodes and the same sums; after the searches the list still holds
 * every node once (count, key sum, key xor) and starts with the last key searched. */
#include "common.h"

#define N (32 * 1024)
#define TRAVERSALS 40
#define SEARCHES 400

struct node {
  struct node *next;
  u32 key;   /* 0..N-1, the node's index in the array */
  u32 value; /* pseudo-random */
  u32 pad;
};

static struct node nodes[N];
static u32 order[N];

static struct node *reverse(struct node *head) {
  struct node *prev = 0;
  while (head) {
    struct node *next = head->next;
    head->next = prev;
    prev = head;
    head = next;
  }
  return prev;
}

int main(void) {
  u32 seed = 0xdeadbeefu;
  u32 odd_expect = 0, even_expect = 0;
  for (u32 i = 0; i < N; i++) {
    nodes[i].key = i;
    nodes[i].value = xorshift32(&seed);
    if (nodes[i].value & 1) odd_expect += nodes[i].value; else even_expect ^= nodes[i].value;
    order[i] = i;
  }
  for (u32 i = N - 1; i > 0; i--) { /* Fisher-Yates */
    u32 j = xorshift32(&seed) % (i + 1);
    u32 t = order[i]; order[i] = order[j]; order[j] = t;
  }
  for (u32 i = 0; i + 1 < N; i++) nodes[order[i]].next = &nodes[order[i + 1]];
  nodes[order[N - 1]].next = 0;
  struct node *head = &nodes[order[0]];

  for (int pass = 0; pass < TRAVERSALS; pass++) {
    u32 count = 0, odd = 0, even = 0;
    for (struct node *n = head; n; n = n->next) {
      count++;
      if (n->value & 1) odd += n->value; else even ^= n->value;
    }
    if (count != N) return 1;
    if (odd != odd_expect || even != even_expect) return 2;
    head = reverse(head);
  }

  u32 key = 0;
  for (int s = 0; s < SEARCHES; s++) {
    key = xorshift32(&seed) % N;
    struct node *prev = 0, *n = head;
    while (n && n->key != key) { prev = n; n = n->next; }
    if (!n) return 3;
    if (prev) { prev->next = n->next; n->next = head; head = n; }
  }
  if (head->key != key) return 4;
  u32 count = 0, sum = 0, x = 0;
  for (struct node *n = head; n; n = n->next) { count++; sum += n->key; x ^= n->key; }
  if (count != N || sum != (u32)N * (N - 1) / 2 || x != 0) return 5; /* xor of 0..2^k-1 is 0 */
  return 0;
}
