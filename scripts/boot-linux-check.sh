#!/usr/bin/env bash
# Boot the kernel built by scripts/build-linux.sh with a bounded instruction budget, on each console,
# under both engines (the interpreter and the block translator), and check /init's success line and
# exit code 0. Prints one line per boot and "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
image="${1:-${TRAPVISOR_LINUX_BUILD:-/tmp/trapvisor-linux}/arch/riscv/boot/Image}"
[ -f "$image" ] || { echo "boot-linux-check: no kernel at $image (run scripts/build-linux.sh)"; exit 2; }
passed=0; failed=0
for engine in interp jit; do
  for args in "console=hvc0 earlycon=sbi|opensbi" "console=ttyS0 earlycon=sbi|opensbi" "console=hvc0 earlycon=sbi|none"; do
    append=${args%|*}; preset=${args#*|}
    log=$(mktemp)
    node dist/bin/main.js boot "$image" --engine "$engine" --append "$append" --delegation "$preset" --max-insns 200M --stats </dev/null >"$log" 2>&1
    code=$?
    what="linux --engine $engine --append \"$append\" --delegation $preset"
    if [ "$code" = 0 ] && grep -q "trapvisor-init: all checks passed" "$log"; then
      passed=$((passed + 1))
      echo "PASS  $what: $(grep -o '([0-9]* instructions, [0-9.]* s)' "$log" | tail -1)"
    else
      failed=$((failed + 1))
      echo "FAIL  $what: exit $code; last lines:"
      tail -15 "$log" | sed 's/^/      /'
    fi
    rm -f "$log"
  done
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
