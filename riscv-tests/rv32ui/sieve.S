# The longest own program (about 21 M instructions): the sieve of Eratosthenes below 200000, run
# 8 times over a cleared flag array. Checks: 17984 primes, the largest is 199999, every round.
#include "tv.h"
#define N 200000
TV_BEGIN
        li s2, 8                        # rounds
round:  la s0, flags                    # s0 = flags[0..N): 1 = composite
        li s1, N
        mv t4, s0                       # clear the flags
        add t6, s0, s1
0:      sw zero, 0(t4)
        addi t4, t4, 4
        bltu t4, t6, 0b
        li t0, 2                        # p
outer:
        mv t1, t0                       # t1 = p*p by repeated addition (RV32I has no mul)
        li t2, 0
        mv t3, t0
1:      add t2, t2, t1
        addi t3, t3, -1
        bnez t3, 1b
        bgeu t2, s1, count              # p*p >= N: done sieving
        add t4, s0, t0
        lbu t5, 0(t4)
        bnez t5, next                   # p is composite
        add t4, s0, t2                  # mark p*p, p*p+p, ...
        add t6, s0, s1
        li a0, 1
2:      sb a0, 0(t4)
        add t4, t4, t0
        bltu t4, t6, 2b
next:   addi t0, t0, 1
        j outer

count:  li a1, 0                        # number of primes
        li a2, 0                        # largest prime
        li t0, 2
3:      add t4, s0, t0
        lbu t5, 0(t4)
        bnez t5, 4f
        addi a1, a1, 1
        mv a2, t0
4:      addi t0, t0, 1
        bltu t0, s1, 3b
        TV_CHECK_REG(1, a1, 17984)
        TV_CHECK_REG(2, a2, 199999)
        addi s2, s2, -1
        bnez s2, round
        TV_PASS
TV_END
        .bss
        .align 4
flags:  .skip N
