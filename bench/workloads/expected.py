#!/usr/bin/env python3
"""Derives crc32.c's EXPECTED constant independently of the guest: the same buffer and passes,
with Python's zlib.crc32 doing the CRC. Run: python3 bench/workloads/expected.py"""
import zlib

SIZE, PASSES = 32 * 1024, 160


def xorshift32(x):
    x ^= (x << 13) & 0xFFFFFFFF
    x ^= x >> 17
    x ^= (x << 5) & 0xFFFFFFFF
    return x


seed = 0x1234567
buf = bytearray()
for _ in range(SIZE // 4):
    seed = xorshift32(seed)
    buf += seed.to_bytes(4, "little")
fold = 0
for p in range(PASSES):
    c = zlib.crc32(buf)
    fold = ((fold << 1 | fold >> 31) & 0xFFFFFFFF) ^ c
    buf[c % SIZE] ^= p & 0xFF
print(f"crc32.c EXPECTED = 0x{fold:08x}")
