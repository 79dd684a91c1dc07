#!/usr/bin/env python3
"""Re-derive the EXPECTED_* constants of sbi.c and paging.c from models of what the guests compute,
and compare them with the values in the sources (exit 1 on a mismatch). Run after changing a
guest's computation:  python3 bench/guests/expected.py   (a few seconds)."""
import re
import sys
from pathlib import Path

M = 0xFFFFFFFF
HERE = Path(__file__).resolve().parent


def xorshift32(x):
    x ^= (x << 13) & M
    x ^= x >> 17
    x ^= (x << 5) & M
    return x


def rotl(x, n):
    return ((x << n) | (x >> (32 - n))) & M


def sbi_model():
    """sbi.c's loop: four xorshift rounds per step, then the step's operation result folded in."""
    iterations = 1 << 18
    x, acc = 0x2545F491, 0x9E3779B9
    mbuf = bytearray(range(16))
    ebreaks = illegals = 0
    for i in range(iterations):
        for _ in range(4):
            x = xorshift32(x)
            acc = (rotl(acc ^ x, 5) + (x >> 3)) & M
        step = i & 7
        if step in (0, 1):  # spec version matches the first call (0 + 1); probe(TIME) = 1
            v = 1
        elif step == 2:  # set_timer: error 0, STIP clear
            v = 0
        elif step == 3:
            o = 1 + ((i >> 2) & 2)
            v = int.from_bytes(mbuf[o:o + 4], "little")
        elif step == 4:
            ebreaks += 1
            v = ebreaks
        elif step == 5:  # probe(unknown) = 0, + 0x100
            v = 0x100
        elif step == 6:
            illegals += 1
            v = (illegals << 8) & M
        else:
            mbuf[5:9] = acc.to_bytes(4, "little")
            v = int.from_bytes(mbuf[7:9], "little")
        acc = rotl(acc, 1) ^ v
    return {"EXPECTED": acc}


def paging_model():
    """paging.c's U-mode rounds and the kernel's replies (tick, report, unmap)."""
    rounds, a_words, h_slots, keys, cow_pages = 5, 65536, 16384, 12000, 16
    a_pages = a_words * 4 // 4096
    st = {"ticks": 0, "kernel": 0}

    def tick(a0):
        st["ticks"] += 1
        return rotl(a0, 7) ^ st["ticks"]

    def walk(a, stride, h):
        idx = 0
        for n in range(a_words):
            h = rotl(h, 3) ^ a[idx]
            idx = (idx + stride) & (a_words - 1)
            if (n & 8191) == 8191:
                h = tick(h)
        return h

    def slot(k):
        return (k ^ (k >> 14) ^ (k >> 23)) & (h_slots - 1)

    def hash_part(a, r):
        hk, hv = [0] * h_slots, [0] * h_slots
        t, inserted, dups, idx = r, 0, 0, r
        for j in range(keys):
            idx = (idx + 5) & (a_words - 1)
            key = a[idx] | 1
            s = slot(key)
            while True:
                if hk[s] == 0:
                    hk[s], hv[s] = key, j
                    inserted += 1
                    break
                if hk[s] == key:
                    hv[s] = (hv[s] + j) & M
                    dups += 1
                    break
                s = (s + 1) & (h_slots - 1)
            if (j & 255) == 255:
                t = tick(t ^ inserted)
        found = missed = total = 0
        idx = r
        for j in range(2 * keys):
            if j & 1:
                key = (a[idx] | 1) ^ 0x80000000
            else:
                idx = (idx + 5) & (a_words - 1)
                key = a[idx] | 1
            s = slot(key)
            while True:
                if hk[s] == 0:
                    missed += 1
                    break
                if hk[s] == key:
                    found += 1
                    total = (rotl(total, 1) + hv[s]) & M
                    break
                s = (s + 1) & (h_slots - 1)
            if (j & 255) == 255:
                t = tick(t ^ found)
        return ((inserted << 16) ^ (dups << 8) ^ (found << 12) ^ missed ^ rotl(total, 9) ^ t) & M

    def cow(r):
        c = [[0x5A000000 ^ (p << 16) ^ w for w in range(1024)] for p in range(cow_pages)]
        v = 0  # cow_reset returns 0
        for p in range(cow_pages):
            v = (rotl(v, 1) + c[p][(r + p) & 1023]) & M
        for p in range(0, cow_pages, 2):
            c[p][r & 1023] = (v + p) & M
        for p in range(cow_pages):
            v ^= (c[p][r & 1023] + c[p][1023]) & M
        return v

    total = 0
    for r in range(rounds):
        s, a = (0x01234567 + r) & M, [0] * a_words
        for i in range(a_words):
            s = xorshift32(s)
            a[i] = s
        w = r
        for stride in (1, 3, 257, 4097, 40503):
            w = walk(a, stride, w)
        for i in range(1, a_words):
            a[i] = (a[i] + a[i - 1]) & M
        w ^= a[a_words - 1]
        w = rotl(w, 11) ^ hash_part(a, r)
        w = rotl(w, 11) ^ cow(r)
        rs = w ^ 0x1000  # the kernel-page probe returned PROBE_MARK
        st["kernel"] = rotl(st["kernel"], 5) ^ rs
        total = (rotl(total, 3) + rs) & M
        total ^= a_pages  # unmap returns the number of pages it unmapped
    return {"EXPECTED_TOTAL": total, "EXPECTED_KERNEL": st["kernel"], "EXPECTED_TICKS": st["ticks"]}


def main():
    ok = True
    for source, model in (("sbi.c", sbi_model), ("paging.c", paging_model)):
        text = (HERE / source).read_text()
        for name, value in model().items():
            m = re.search(rf"#define {name}\s+(0x[0-9a-fA-F]+|\d+)u", text)
            have = int(m.group(1), 0) if m else None
            same = have == value
            ok &= same
            print(f"{source}: {name} = {value:#010x} ({value}){'' if same else f'  MISMATCH: the source has {have}'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
