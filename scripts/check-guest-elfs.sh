#!/usr/bin/env bash
# Rebuild every guest ELF under riscv-tests/ from source into a scratch copy and fail if any differs
# from the committed file (or if a source has no committed ELF).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r riscv-tests "$scratch/"
make -s -C "$scratch/riscv-tests" clean
make -s -C "$scratch/riscv-tests" >/dev/null
status=0
while IFS= read -r -d '' built; do
  rel=${built#"$scratch/"}
  if [ ! -f "$rel" ]; then
    echo "missing committed ELF: $rel (run 'make -C riscv-tests' and commit it)"; status=1
  elif ! cmp -s "$built" "$rel"; then
    echo "stale committed ELF: $rel differs from a fresh build of its source"; status=1
  fi
done < <(find "$scratch/riscv-tests" -name '*.elf' -print0)
[ "$status" = 0 ] && echo "all $(find riscv-tests -name '*.elf' | wc -l) guest ELFs match their sources"
exit "$status"
