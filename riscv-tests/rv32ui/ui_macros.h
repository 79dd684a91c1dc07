/* trapvisor rv32ui helper macros (written for this project, on top of env/tv.h).
 *
 * Register conventions used by every macro here:
 *   a0      result register (rd)
 *   a1, a2  source operands (rs1, rs2)
 *   t6, gp  clobbered by TV_CHECK_REG (never used as operands)
 * Every macro takes the check number `n` first; all sub-checks of one macro
 * report the same number, so a failure exit code points at one line of the test.
 * Macros use numeric local labels 1..9 internally; test bodies that use their own
 * local labels should use numbers >= 10 to stay readable.
 */
#ifndef UI_MACROS_H
#define UI_MACROS_H

#include "tv.h"

/* ---------------- register-register (R-type) ---------------- */

/* a0 = a1 OP a2; also checks that both sources were left untouched. */
#define R_OP(n, op, expect, v1, v2)                               \
        li a1, v1; li a2, v2;                                     \
        op a0, a1, a2;                                            \
        TV_CHECK_REG(n, a0, expect);                              \
        TV_CHECK_REG(n, a1, v1);                                  \
        TV_CHECK_REG(n, a2, v2)

/* rd == rs1 */
#define R_OP_D1(n, op, expect, v1, v2)                            \
        li a1, v1; li a2, v2;                                     \
        op a1, a1, a2;                                            \
        TV_CHECK_REG(n, a1, expect);                              \
        TV_CHECK_REG(n, a2, v2)

/* rd == rs2 */
#define R_OP_D2(n, op, expect, v1, v2)                            \
        li a1, v1; li a2, v2;                                     \
        op a2, a1, a2;                                            \
        TV_CHECK_REG(n, a2, expect);                              \
        TV_CHECK_REG(n, a1, v1)

/* rs1 == rs2 (and a second form with rd == rs1 == rs2) */
#define R_OP_SAME(n, op, expect, v)                               \
        li a1, v;                                                 \
        op a0, a1, a1;                                            \
        TV_CHECK_REG(n, a0, expect);                              \
        op a1, a1, a1;                                            \
        TV_CHECK_REG(n, a1, expect)

/* rs1 = x0 */
#define R_OP_Z1(n, op, expect, v2)                                \
        li a2, v2;                                                \
        op a0, x0, a2;                                            \
        TV_CHECK_REG(n, a0, expect)

/* rs2 = x0 */
#define R_OP_Z2(n, op, expect, v1)                                \
        li a1, v1;                                                \
        op a0, a1, x0;                                            \
        TV_CHECK_REG(n, a0, expect)

/* rd = x0: the result is discarded, x0 still reads 0 (also via a dependent add). */
#define R_OP_X0(n, op, v1, v2)                                    \
        li a1, v1; li a2, v2;                                     \
        op x0, a1, a2;                                            \
        TV_CHECK_REG(n, x0, 0);                                   \
        add a0, x0, x0;                                           \
        TV_CHECK_REG(n, a0, 0)

/* ---------------- register-immediate (I-type ALU) ---------------- */

/* a0 = a1 OP imm; source untouched. */
#define I_OP(n, op, expect, v1, imm)                              \
        li a1, v1;                                                \
        op a0, a1, imm;                                           \
        TV_CHECK_REG(n, a0, expect);                              \
        TV_CHECK_REG(n, a1, v1)

/* rd == rs1 */
#define I_OP_SAME(n, op, expect, v1, imm)                         \
        li a1, v1;                                                \
        op a1, a1, imm;                                           \
        TV_CHECK_REG(n, a1, expect)

/* rs1 = x0 */
#define I_OP_Z(n, op, expect, imm)                                \
        op a0, x0, imm;                                           \
        TV_CHECK_REG(n, a0, expect)

/* rd = x0 */
#define I_OP_X0(n, op, v1, imm)                                   \
        li a1, v1;                                                \
        op x0, a1, imm;                                           \
        TV_CHECK_REG(n, x0, 0);                                   \
        add a0, x0, x0;                                           \
        TV_CHECK_REG(n, a0, 0)

/* ---------------- loads ---------------- */

/* a0 = LOAD off(base): base register a1 = addr (an assembler expression), rd = a0. */
#define LD(n, op, expect, off, addr)                              \
        la a1, addr;                                              \
        op a0, off(a1);                                           \
        TV_CHECK_REG(n, a0, expect)

/* rd == base register */
#define LD_SAME(n, op, expect, off, addr)                         \
        la a1, addr;                                              \
        op a1, off(a1);                                           \
        TV_CHECK_REG(n, a1, expect)

/* ---------------- memory inspection ---------------- */

/* The aligned word at addr (an assembler expression) must equal expect. Uses t0, a0. */
#define MEM_WORD(n, addr, expect)                                 \
        la t0, addr;                                              \
        lw a0, 0(t0);                                             \
        TV_CHECK_REG(n, a0, expect)

/* Store a value: base a1 = addr, data a2 = val; checks both registers survive. */
#define ST(n, op, val, off, addr)                                 \
        la a1, addr; li a2, val;                                  \
        op a2, off(a1);                                           \
        la t0, addr;                                              \
        TV_CHECK_EQ(n, a1, t0);                                   \
        TV_CHECK_REG(n, a2, val)

/* ---------------- conditional branches ---------------- */

/* Branch must be taken, both as a forward and as a backward branch.
 * A branch that falls through (or lands on the wrong slot) reaches `j fail`. */
#define BR_TAKEN(n, op, v1, v2)                                   \
        li TESTNUM, n;                                            \
        li a1, v1; li a2, v2;                                     \
        op a1, a2, 2f;                                            \
        j fail;                                                   \
1:      j 3f;                                                     \
        j fail;                                                   \
2:      op a1, a2, 1b;                                            \
        j fail;                                                   \
3:

/* Branch must not be taken, neither forward nor backward; the next
 * instruction (pc+4) must execute. */
#define BR_NOT_TAKEN(n, op, v1, v2)                               \
        li TESTNUM, n;                                            \
        li a1, v1; li a2, v2;                                     \
        op a1, a2, 1f;                                            \
        j 2f;                                                     \
1:      j fail;                                                   \
2:      op a1, a2, 1b;                                            \
        j 3f;                                                     \
        j fail;                                                   \
3:

/* Same as BR_TAKEN / BR_NOT_TAKEN with both operands in the same register. */
#define BR_TAKEN_SAME(n, op, v)                                   \
        li TESTNUM, n;                                            \
        li a1, v;                                                 \
        op a1, a1, 2f;                                            \
        j fail;                                                   \
1:      j 3f;                                                     \
        j fail;                                                   \
2:      op a1, a1, 1b;                                            \
        j fail;                                                   \
3:

#define BR_NOT_TAKEN_SAME(n, op, v)                               \
        li TESTNUM, n;                                            \
        li a1, v;                                                 \
        op a1, a1, 1f;                                            \
        j 2f;                                                     \
1:      j fail;                                                   \
2:      op a1, a1, 1b;                                            \
        j 3f;                                                     \
        j fail;                                                   \
3:

/* Taken branch at the extreme B-type offsets: +4092 forward (largest
 * word-aligned offset) and -4096 backward (the most negative offset).
 * The gaps are zero words (illegal instructions): landing in them traps. */
#define BR_TAKEN_FAR(n, op, v1, v2)                               \
        li TESTNUM, n;                                            \
        li a1, v1; li a2, v2;                                     \
        op a1, a2, 3f;              /* at A: offset +4092 */      \
        j fail;                     /* A+4 */                     \
        .fill 1021, 4, 0;           /* A+8 .. A+4092 */           \
3:      j 5f;                       /* A+4092 */                  \
4:      j 6f;                       /* B = A+4096 */              \
        .fill 1023, 4, 0;           /* B+4 .. B+4096 */           \
5:      op a1, a2, 4b;              /* B+4096: offset -4096 */    \
        j fail;                                                   \
6:

/* The far forms when not taken: fall through to pc+4 at both ends. */
#define BR_NOT_TAKEN_FAR(n, op, v1, v2)                           \
        li TESTNUM, n;                                            \
        li a1, v1; li a2, v2;                                     \
        op a1, a2, 3f;              /* at A: offset +4092 */      \
        j 5f;                       /* A+4 */                     \
        .fill 1021, 4, 0;                                         \
3:      j fail;                     /* A+4092 */                  \
4:      j fail;                     /* B = A+4096 */              \
        .fill 1023, 4, 0;                                         \
5:      op a1, a2, 4b;              /* B+4096: offset -4096 */    \
        j 6f;                                                     \
        j fail;                                                   \
6:

#endif
