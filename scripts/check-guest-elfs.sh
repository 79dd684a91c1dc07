#!/usr/bin/env bash
# Rebuild every committed guest ELF from source into a scratch copy and fail if any differs from the
# committed file (or if a source has no committed ELF): riscv-tests/ (own tests and guest kernels),
# bench/workloads/, bench/guests/ and bench/firmware/.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for dir in riscv-tests bench/workloads bench/guests bench/firmware; do
  mkdir -p "$scratch/$(dirname "$dir")"
  cp -r "$dir" "$scratch/$dir"
  make -s -C "$scratch/$dir" clean >/dev/null
  make -s -C "$scratch/$dir" >/dev/null
  while IFS= read -r -d '' built; do
    rel=${built#"$scratch/"}
    if [ ! -f "$rel" ]; then
      echo "missing committed ELF: $rel (run 'make -C $dir' and commit it)"; status=1
    elif ! cmp -s "$built" "$rel"; then
      echo "stale committed ELF: $rel differs from a fresh build of its source"; status=1
    fi
  done < <(find "$scratch/$dir" -name '*.elf' -print0)
done
if [ "$status" = 0 ]; then
  echo "all $(find riscv-tests bench -name '*.elf' | wc -l) guest ELFs match their sources"
fi
exit "$status"
