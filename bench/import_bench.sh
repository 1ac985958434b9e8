#!/usr/bin/env bash
# Import benchmark: generates a canonical CSV of N report lines (deterministic), then measures in
# the same run, on the same file:
#   1. the anchor: the SQLite command-line tool's own `.import` of the file into a table with the
#      same 13 columns and three indexes (it checks nothing: it only stores text),
#   2. `att import` into a fresh SQLite database (parse, resolve States, check every line and
#      every report, hash each report, store, all in one transaction),
#   3. for information, `att import --dry-run` (the same work, rolled back).
# The anchor runs with sqlite3's own defaults (rollback journal, synchronous=FULL); att opens its
# database as always (WAL, synchronous=NORMAL). Both run in one transaction.
# On a busy machine wall-clock times mostly measure waiting for a CPU: the CPU seconds
# (user + system) are printed too and are the steadier figure.
# Targets (issue 8, section 7): att import no slower than sqlite3's .import, peak memory <= 150 MB.
#   bench/import_bench.sh [LINES]        (default 1000000)
# With SHUFFLE=1 the lines are shuffled first (the lines of one report spread over the file).
# With ATT_BENCH_POSTGRES_URL set (an empty database), the same file is also imported into
# PostgreSQL, for information: the targets are for the embedded SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-1000000}"
att="${ATT_BINARY:-build/att}"
generate="${GENERATE_CSV:-build/generate_csv}"
sqlite="${SQLITE3:-sqlite3}"
command -v "$sqlite" > /dev/null || { echo "import_bench: sqlite3 is not installed (scripts/install-deps)" >&2; exit 2; }
work=$(mktemp -d /tmp/att-import-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$generate" "$lines" 2026 > "$work/lines.csv" 2> "$work/generate.log"
if [ "${SHUFFLE:-0}" = 1 ]; then
  { head -n 1 "$work/lines.csv"; tail -n +2 "$work/lines.csv" | shuf --random-source=<(yes); } > "$work/shuffled.csv"
  mv "$work/shuffled.csv" "$work/lines.csv"
fi
rows=$(($(wc -l < "$work/lines.csv") - 1))
"$att" init --db "$work/bench.db" > /dev/null
"$att" init --db "$work/dry.db" > /dev/null

# The anchor's table: the columns of the file (all TEXT, nothing checked) and three indexes.
"$sqlite" "$work/anchor.db" > /dev/null <<'SQL'
CREATE TABLE lines (reporting_state TEXT, year TEXT, direction TEXT, category TEXT, partner_state TEXT,
  items TEXT, value TEXT, currency TEXT, basis TEXT, description TEXT, comments TEXT, state_of_origin TEXT,
  intermediate_location TEXT);
CREATE INDEX lines_report ON lines (reporting_state, year);
CREATE INDEX lines_partner ON lines (partner_state);
CREATE INDEX lines_category ON lines (category);
SQL


measure() {  # measure COMMAND... -> prints "wall_seconds cpu_seconds peak_kb"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time"
}

read -r sq_s sq_cpu sq_kb < <(measure "$sqlite" "$work/anchor.db" ".import --csv --skip 1 $work/lines.csv lines")
stored=$("$sqlite" "$work/anchor.db" "SELECT COUNT(*) FROM lines")
[ "$stored" = "$rows" ] || { echo "import_bench: sqlite3 stored $stored rows of $rows" >&2; exit 2; }
read -r att_s att_cpu att_kb < <(measure "$att" import --db "$work/bench.db" "$work/lines.csv")
read -r dry_s dry_cpu dry_kb < <(measure "$att" import --db "$work/dry.db" --dry-run "$work/lines.csv")

rate() { awk -v n="$rows" -v s="$1" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
printf '%-40s %10s %10s %10s %10s\n' "step ($rows lines)" "seconds" "CPU s" "lines/s" "peak MB"
printf '%-40s %10s %10s %10s %10d\n' "anchor: sqlite3 .import, 3 indexes" "$sq_s" "$sq_cpu" "$(rate "$sq_s")" $((sq_kb / 1024))
printf '%-40s %10s %10s %10s %10d\n' "att import into SQLite" "$att_s" "$att_cpu" "$(rate "$att_s")" $((att_kb / 1024))
printf '%-40s %10s %10s %10s %10d\n' "att import --dry-run (for information)" "$dry_s" "$dry_cpu" "$(rate "$dry_s")" $((dry_kb / 1024))
if [ -n "${ATT_BENCH_POSTGRES_URL:-}" ]; then
  "$att" init --db "$ATT_BENCH_POSTGRES_URL" > /dev/null
  read -r pg_s pg_cpu pg_kb < <(measure "$att" import --db "$ATT_BENCH_POSTGRES_URL" "$work/lines.csv")
  printf '%-40s %10s %10s %10s %10d\n' "att import into PostgreSQL" "$pg_s" "$pg_cpu" "$(rate "$pg_s")" $((pg_kb / 1024))
fi
awk -v a="$att_s" -v b="$sq_s" -v c="$att_cpu" -v d="$sq_cpu" 'BEGIN {
  printf "att takes %.2fx the time (%.2fx the CPU time) of sqlite3 .import\n", (b > 0 ? a / b : 0), (d > 0 ? c / d : 0) }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)"

status=0
if awk -v a="$att_s" -v b="$sq_s" 'BEGIN { exit !(a <= b) }'; then
  echo "PASS att import time <= sqlite3 .import time ($att_s s vs $sq_s s)"
else
  echo "FAIL att import time <= sqlite3 .import time ($att_s s vs $sq_s s)"; status=1
fi
if [ $((att_kb / 1024)) -le 150 ]; then
  echo "PASS att import peak memory <= 150 MB ($((att_kb / 1024)) MB)"
else
  echo "FAIL att import peak memory <= 150 MB ($((att_kb / 1024)) MB)"; status=1
fi
exit $status
