/* CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) over a 32 KiB pseudo-random buffer:
 * the table-driven loop, one byte per step, PASSES times; one buffer byte changes between passes.
 * Checks: the standard check value of "123456789" with both the bitwise and the table-driven
 * routine; both agree on the whole buffer; the folded result of all passes. */
#include "common.h"

#define SIZE (32 * 1024)
#define PASSES 160
#define EXPECTED 0xa96a3967u /* folded CRC of all passes, derived independently by expected.py */

static u8 buf[SIZE];
static u32 table[256];

static u32 crc_bitwise(const u8 *p, u32 n) {
  u32 c = 0xffffffffu;
  while (n--) {
    c ^= *p++;
    for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320u & -(c & 1));
  }
  return ~c;
}

static void make_table(void) {
  for (u32 i = 0; i < 256; i++) {
    u32 c = i;
    for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320u & -(c & 1));
    table[i] = c;
  }
}

static u32 crc_table(const u8 *p, u32 n) {
  u32 c = 0xffffffffu;
  while (n--) c = table[(c ^ *p++) & 0xff] ^ (c >> 8);
  return ~c;
}

int main(void) {
  static const u8 check[9] = { '1', '2', '3', '4', '5', '6', '7', '8', '9' };
  make_table();
  if (crc_bitwise(check, 9) != 0xcbf43926u) return 1;
  if (crc_table(check, 9) != 0xcbf43926u) return 2;

  u32 seed = 0x1234567u;
  for (u32 i = 0; i < SIZE; i += 4) {
    u32 w = xorshift32(&seed);
    buf[i] = (u8)w; buf[i + 1] = (u8)(w >> 8); buf[i + 2] = (u8)(w >> 16); buf[i + 3] = (u8)(w >> 24);
  }
  if (crc_bitwise(buf, SIZE) != crc_table(buf, SIZE)) return 3;

  u32 fold = 0;
  for (u32 pass = 0; pass < PASSES; pass++) {
    u32 c = crc_table(buf, SIZE);
    fold = (fold << 1 | fold >> 31) ^ c;
    buf[c % SIZE] ^= (u8)pass;
  }
  return fold == EXPECTED ? 0 : 4;
}
