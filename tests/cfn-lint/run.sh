#!/usr/bin/env bash
# Lints every template bkp generates for the parity corpus and the examples
# with cfn-lint (AWS's CloudFormation linter): no errors allowed.
# Usage: tests/cfn-lint/run.sh [path/to/bkp]   (default: target/debug/bkp)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bkp=${1:-$root/target/debug/bkp}
cache=${BKP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bkp-tests}
lint=$(command -v cfn-lint || true)
if [ -z "$lint" ]; then
  if [ ! -x "$cache/cfn-lint/bin/cfn-lint" ]; then
    mkdir -p "$cache"
    if ! { python3 -m venv "$cache/cfn-lint" && "$cache/cfn-lint/bin/pip" install -q cfn-lint; } >/dev/null 2>&1; then
      echo "cfn-lint: not installable here; skipped"
      exit 0
    fi
  fi
  lint=$cache/cfn-lint/bin/cfn-lint
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
for f in "$root"/tests/parity/*.bkp "$root"/examples/*.bkp; do
  case ${f##*/} in err_*) continue;; esac
  name=${f##*/}; name=${name%.bkp}
  "$bkp" compile "$f" -o "$work/$name.json" 2>/dev/null || { echo "compile failed: $f"; exit 1; }
  n=$((n+1))
done
# Exit status bit 2 means errors; warnings (4) and informational findings (8) are reported, not fatal.
status=0
"$lint" --format parseable "$work"/*.json >"$work/report.txt" 2>&1 || status=$?
if [ $((status & 2)) -ne 0 ] || [ $((status & 1)) -ne 0 ]; then
  grep -E ':E[0-9]+:|^E[0-9]+' "$work/report.txt" | sed "s|$work/||" | head -50
  echo "cfn-lint: 0 passed, $n failed"
  exit 1
fi
if [ -s "$work/report.txt" ]; then sed "s|$work/||" "$work/report.txt" | head -20; fi
echo "cfn-lint: $n passed, 0 failed"
