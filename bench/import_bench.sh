#!/usr/bin/env bash
# Import benchmark: generates a canonical CSV of N report lines (deterministic), then measures
#   1. the baseline: `att import --dry-run` (read, parse, resolve States, validate; no writes),
#   2. the real import into a fresh SQLite database (the same work plus storing, in one transaction),
# in the same run, and prints lines/s, peak memory and the cost of storing relative to the baseline.
# Targets (issue "Reports"): >= 200,000 lines/s for 1,000,000 lines, peak memory < 500 MB.
#   bench/import_bench.sh [LINES]        (default 1000000)
# With ATT_BENCH_POSTGRES_URL set (an empty database), the same file is also imported into
# PostgreSQL, for information: the target is for the embedded SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-1000000}"
att="${ATT_BINARY:-build/att}"
generate="${GENERATE_CSV:-build/generate_csv}"
work=$(mktemp -d /tmp/att-import-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$generate" "$lines" 2026 > "$work/lines.csv" 2> "$work/generate.log"
rows=$(($(wc -l < "$work/lines.csv") - 1))
"$att" init --db "$work/bench.db" > /dev/null

measure() {  # measure COMMAND... -> prints "seconds peak_kb"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  cat "$work/time"
}

read -r dry_s dry_kb < <(measure "$att" import --db "$work/bench.db" --dry-run "$work/lines.csv")
read -r real_s real_kb < <(measure "$att" import --db "$work/bench.db" "$work/lines.csv")

rate() { awk -v n="$rows" -v s="$1" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
dry_rate=$(rate "$dry_s")
real_rate=$(rate "$real_s")
printf '%-34s %12s %10s %12s\n' "step ($rows lines)" "seconds" "lines/s" "peak MB"
printf '%-34s %12s %10s %12d\n' "baseline: check only (--dry-run)" "$dry_s" "$dry_rate" $((dry_kb / 1024))
printf '%-34s %12s %10s %12d\n' "import into SQLite" "$real_s" "$real_rate" $((real_kb / 1024))
if [ -n "${ATT_BENCH_POSTGRES_URL:-}" ]; then
  "$att" init --db "$ATT_BENCH_POSTGRES_URL" > /dev/null
  read -r pg_s pg_kb < <(measure "$att" import --db "$ATT_BENCH_POSTGRES_URL" "$work/lines.csv")
  printf '%-34s %12s %10s %12d\n' "import into PostgreSQL" "$pg_s" "$(rate "$pg_s")" $((pg_kb / 1024))
fi
awk -v a="$real_s" -v b="$dry_s" 'BEGIN { printf "storing costs %.1fx the checking alone\n", (b > 0 ? a / b : 0) }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

status=0
[ "$real_rate" -ge 200000 ] && echo "PASS import >= 200000 lines/s" || { echo "FAIL import >= 200000 lines/s"; status=1; }
[ $((real_kb / 1024)) -lt 500 ] && echo "PASS peak memory < 500 MB" || { echo "FAIL peak memory < 500 MB"; status=1; }
exit $status
