#!/usr/bin/env bash
# bkp compile against the real `cdk synth` on the same 100-plan policy.
#
# Usage: bench/compare-cdk.sh [PLANS]   (from anywhere; PLANS defaults to 100)
#
# Generates the policy and its CDK twin with bench/gen_perf.py, builds
# target/release/bkp, checks that `bkp compile` and tests/oracle/synth print
# the same template (as JSON values: key order aside), then times
# `bkp compile` (median of 21 runs) and one `cdk synth` run (the oracle
# installs aws-cdk-lib on its first run, which is done untimed first), and
# prints the ratio. bkp's warnings (one per selection, which mixes a tag with
# a table) are written to no terminal. Exits 1 when the templates differ or the ratio is under
# 1000.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
plans=${1:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root"
cargo build --release -q -p bkp-cli
bkp=$root/target/release/bkp
python3 bench/gen_perf.py "$plans" "$work/policy"

"$bkp" compile "$work/policy.bkp" >"$work/bkp.json" 2>"$work/warnings.txt"
tests/oracle/synth "$work/policy.mjs" >/dev/null # installs the CDK once, untimed

python3 - "$bkp" "$root/tests/oracle/synth" "$work" <<'PY'
import json, statistics, subprocess, sys, time

bkp, synth, work = sys.argv[1:4]

def timed(cmd, out):
    with open(out, "w") as f:
        t = time.perf_counter()
        subprocess.run(cmd, stdout=f, stderr=subprocess.DEVNULL, check=True)
        return time.perf_counter() - t

cdk_s = timed([synth, f"{work}/policy.mjs"], f"{work}/cdk.json")
bkp_runs = [timed([bkp, "compile", f"{work}/policy.bkp"], f"{work}/bkp.json") for _ in range(21)]
bkp_s = statistics.median(bkp_runs)

ours, theirs = (json.load(open(f"{work}/{n}.json")) for n in ("bkp", "cdk"))
same = ours == theirs
resources = len(ours.get("Resources", {}))
ratio = cdk_s / bkp_s
print(f"templates: {'identical' if same else 'DIFFERENT'} ({resources} resources)")
print(f"cdk synth: {cdk_s:.2f} s (one run)")
print(f"bkp compile: {bkp_s * 1000:.1f} ms (median of 21, min {min(bkp_runs) * 1000:.1f} ms)")
print(f"ratio: {ratio:.0f}x (target >= 1000x)")
sys.exit(0 if same and ratio >= 1000 else 1)
PY
