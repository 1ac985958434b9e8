#!/usr/bin/env bash
# The transfers query mix on generated data: through HTTP (att serve and its read model), with
# the sqlite3 command-line tool on the same lines with indexes, and with DuckDB
# (@duckdb/node-api, installed here under bench/transfers only), side by side in one run.
#   bench/transfers/run.sh                 # 1,000,000 generated lines, 50 runs per query
#   LINES=200000 RUNS=20 bench/transfers/run.sh
set -euo pipefail

LINES=${LINES:-1000000}
RUNS=${RUNS:-50}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ATT_BINARY=${ATT_BINARY:-$root/build/att}
work=$(mktemp -d /tmp/att-bench-transfers.XXXXXX)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

db="$work/att.db"
"$ATT_BINARY" init --db "$db" >/dev/null
started=$(date +%s.%N)
"$ATT_BINARY" demo --db "$db" --lines "$LINES" >/dev/null
echo "generated $LINES lines in $(echo "$(date +%s.%N) - $started" | bc) s"

# The same current lines as one indexed table for sqlite3, and as CSV for DuckDB.
cp "$db" "$work/lines.db"
sqlite3 "$work/lines.db" < "$here/current_lines.sql"
sqlite3 -header -csv "$work/lines.db" "SELECT * FROM current_lines" > "$work/lines.csv"

[ -d "$here/node_modules/@duckdb/node-api" ] || (cd "$here" && npm install --no-audit --no-fund >/dev/null)

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$ATT_BINARY" serve --db "$db" --bind 127.0.0.1 --port "$port" --access-log off > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.1
done
# The first query builds the read model from the database.
load=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/api/v1/transfers?limit=0")
echo "first query (read model built from SQLite): ${load} s"
echo "server resident memory after loading: $(( $(ps -o rss= -p "$pid") / 1024 )) MB"

node "$here/mix.mjs" "http://127.0.0.1:$port" "$work/lines.db" "$work/lines.csv" "$RUNS"
echo "server resident memory after the mix: $(( $(ps -o rss= -p "$pid") / 1024 )) MB"

# A full CSV download of every line, streamed (limit=all), against sqlite3 writing the same lines
# as CSV from its indexed copy; the download must hold every line, and memory must not grow by
# the size of the file.
read -r bytes seconds < <(curl -s -o "$work/all.csv" -w '%{size_download} %{time_total}\n' \
  "http://127.0.0.1:$port/api/v1/transfers?format=csv&limit=all")
rows=$(( $(wc -l < "$work/all.csv") - 1 ))
total=$(curl -s "http://127.0.0.1:$port/api/v1/transfers?limit=0" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
[ "$rows" -eq "$total" ] || { echo "full download: $rows lines, but the query counts $total" >&2; exit 1; }
started=$(date +%s.%N)
sqlite3 -csv "$work/lines.db" "SELECT * FROM current_lines" > "$work/sqlite.csv"
sqlite_seconds=$(echo "$(date +%s.%N) - $started" | bc)
echo "full CSV download: $rows lines, $(( bytes / 1000000 )) MB in ${seconds} s =" \
  "$(echo "$bytes / $seconds / 1000000" | bc) MB/s (target 100 MB/s);" \
  "sqlite3 -csv: $(( $(stat -c %s "$work/sqlite.csv") / 1000000 )) MB in ${sqlite_seconds} s =" \
  "$(echo "$(stat -c %s "$work/sqlite.csv") / $sqlite_seconds / 1000000" | bc) MB/s"
echo "server resident memory after the download: $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
rm -f "$work/all.csv" "$work/sqlite.csv"

# Freshness: an amendment of one report (the same lines again, received today) makes a new
# current version; the next query drops the old one and reads the new one.
read -r state year < <(sqlite3 -separator ' ' "$db" \
  "SELECT reporting_state, year FROM reports WHERE type = 'annual' ORDER BY year DESC, reporting_state LIMIT 1")
"$ATT_BINARY" reports export --db "$db" --state "$state" --year "$year" --format csv --output "$work/one.csv"
"$ATT_BINARY" import --db "$db" "$work/one.csv" >/dev/null
echo "first query after an amendment of $state $year (read model brought up to date): $(curl -s -o /dev/null \
  -w '%{time_total}' "http://127.0.0.1:$port/api/v1/transfers?limit=0") s"
echo "next query: $(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/api/v1/transfers?limit=0") s"
