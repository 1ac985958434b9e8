#!/usr/bin/env bash
# HTTP load test for `att serve` (loopback only).
#
# Starts a private server on a fresh SQLite DB and a free 127.0.0.1 port, runs
# wrk against a few API endpoints and prints req/s, p50 and p99 latency, plus
# each endpoint's throughput as a ratio to /api/v1/health measured in the same
# run (the health endpoint is the baseline: it is the cheapest request the
# server can answer, so the ratio shows what the real work costs).
# It also measures Pico's CSS (83 KB, served from memory) right after
# /api/v1/states (74 KB): a static body of about the same size is the anchor,
# and /api/v1/states must reach at least STATES_VS_STATIC of its req/s.
#
# Environment (all optional):
#   ATT_BINARY      att binary                         (default: <repo>/build/att)
#   DURATION        seconds per endpoint                (default: 10)
#   WARMUP          seconds of warm-up before measuring (default: 3)
#   CONNECTIONS     wrk connections (-c)                (default: 64)
#   WRK_THREADS     wrk threads (-t)                    (default: 2)
#   SERVER_THREADS  att serve --threads                 (default: 2)
#   TARGET_RPS      minimum req/s for /api/v1/health    (default: 20000)
#   STATES_VS_STATIC  minimum /api/v1/states req/s as a fraction of the
#                   static CSS file's req/s               (default: 0.80)
#   RESULTS_DIR     where the figures are written       (default: <repo>/bench/results)
#
# Exit status: 0 if every check passes, 1 if a check fails, 2 on setup errors.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ATT_BINARY="${ATT_BINARY:-$ROOT/build/att}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
CONNECTIONS="${CONNECTIONS:-64}"
WRK_THREADS="${WRK_THREADS:-2}"
SERVER_THREADS="${SERVER_THREADS:-2}"
TARGET_RPS="${TARGET_RPS:-20000}"
STATES_VS_STATIC="${STATES_VS_STATIC:-0.80}"
RESULTS_DIR="${RESULTS_DIR:-$ROOT/bench/results}"
LUA_SCRIPT="$ROOT/bench/latency.lua"
HOST=127.0.0.1 # never anything but loopback
READY_TIMEOUT=15

ENDPOINTS=(
    "/api/v1/health"
    "/api/v1/states"
    "/static/vendor/pico.min.css"
    "/api/v1/states?as_of=2014-12-24&region=Europe"
)
STATES_INDEX=1 # /api/v1/states ...
STATIC_INDEX=2 # ... against a static file of about the same size

die() {
    echo "http_load: $*" >&2
    exit 2
}

for var in DURATION WARMUP CONNECTIONS WRK_THREADS SERVER_THREADS TARGET_RPS; do
    [[ "${!var}" =~ ^[0-9]+$ ]] || die "$var must be a non-negative integer (got '${!var}')"
done
[[ "$STATES_VS_STATIC" =~ ^[0-9]*\.?[0-9]+$ ]] || die "STATES_VS_STATIC must be a number (got '$STATES_VS_STATIC')"
((DURATION > 0)) || die "DURATION must be > 0"
((CONNECTIONS >= WRK_THREADS && WRK_THREADS > 0)) || die "need CONNECTIONS >= WRK_THREADS > 0"

[[ -x "$ATT_BINARY" ]] || die "att binary not found or not executable: $ATT_BINARY (build it, or set ATT_BINARY)"
[[ -f "$LUA_SCRIPT" ]] || die "missing $LUA_SCRIPT"
for tool in wrk curl awk timeout; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is required but not installed"
done

TMP_DIR="$(mktemp -d "${TMPDIR:-/tmp}/att-http-load.XXXXXX")"
DB="$TMP_DIR/bench.db"
SERVER_LOG="$TMP_DIR/server.log"
SERVER_PID=""
WRK_PID=""
PORT=""

# shellcheck disable=SC2317  # invoked from the EXIT trap
stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "http_load: server did not stop on SIGTERM, sending SIGKILL" >&2
            kill -KILL "$SERVER_PID" 2>/dev/null || true
        fi
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

# shellcheck disable=SC2317  # invoked from the EXIT trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$WRK_PID" ]]; then
        kill -TERM "$WRK_PID" 2>/dev/null || true # timeout(1) passes it on to wrk
        wait "$WRK_PID" 2>/dev/null || true
    fi
    stop_server
    rm -rf "$TMP_DIR"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A port nothing listens on right now. The server may still lose a race for it;
# start_server() notices (the process exits) and tries another one.
free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
        return
    fi
    command -v ss >/dev/null 2>&1 || die "need python3 or ss to find a free port"
    local p
    for _ in $(seq 100); do
        p=$((20000 + RANDOM % 40000))
        if [[ -z "$(ss -Hltn "sport = :$p")" ]]; then
            echo "$p"
            return
        fi
    done
    die "no free port found"
}

server_ready() {
    grep -q '^att: serving' "$SERVER_LOG" 2>/dev/null || return 1
    [[ "$(curl -fsS --max-time 1 "http://$HOST:$PORT/api/v1/health" 2>/dev/null)" == '{"status":"ok"}' ]]
}

start_server() {
    local attempt deadline
    for attempt in 1 2 3 4 5; do
        PORT="$(free_port)"
        "$ATT_BINARY" serve --db "$DB" --port "$PORT" --bind "$HOST" \
            --access-log off --threads "$SERVER_THREADS" >"$SERVER_LOG" 2>&1 &
        SERVER_PID=$!
        deadline=$((SECONDS + READY_TIMEOUT))
        while ((SECONDS < deadline)); do
            if ! kill -0 "$SERVER_PID" 2>/dev/null; then
                wait "$SERVER_PID" 2>/dev/null || true
                SERVER_PID=""
                if grep -qi 'address already in use' "$SERVER_LOG"; then
                    echo "http_load: port $PORT taken (attempt $attempt), trying another" >&2
                    continue 2
                fi
                echo "--- server log ---" >&2
                cat "$SERVER_LOG" >&2
                die "server exited before becoming ready"
            fi
            # Only trust the health answer while *our* process is alive and has
            # announced itself: never benchmark somebody else's server.
            if server_ready && kill -0 "$SERVER_PID" 2>/dev/null; then
                return 0
            fi
            sleep 0.1
        done
        echo "--- server log ---" >&2
        cat "$SERVER_LOG" >&2
        die "server not ready after ${READY_TIMEOUT}s on $HOST:$PORT"
    done
    die "could not bind a free port after 5 attempts"
}

# run_wrk SECONDS PATH OUTFILE: runs wrk, raw output to OUTFILE.
run_wrk() {
    local secs=$1 path=$2 out=$3 rc=0
    # -d bounds the run; timeout(1) is only a safety net should wrk hang.
    # wrk runs in the background and we `wait` for it so that a SIGTERM/SIGINT
    # to this script is handled at once (bash defers traps until a foreground
    # child exits).
    timeout --kill-after=5 $((secs + 30)) \
        wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${secs}s" --latency --timeout 5s \
        -s "$LUA_SCRIPT" "http://$HOST:$PORT$path" >"$out" 2>&1 &
    WRK_PID=$!
    wait "$WRK_PID" || rc=$?
    WRK_PID=""
    if ((rc != 0)); then
        cat "$out" >&2
        die "wrk failed for $path (exit status $rc)"
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || {
        cat "$SERVER_LOG" >&2
        die "server died during the run against $path"
    }
}

# field FILE KEY: value of KEY=... on the RESULT line written by latency.lua.
field() {
    awk -v key="$2" '$1 == "RESULT" {
        for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) { print kv[2]; exit } }
    }' "$1"
}

# ---------------------------------------------------------------------------

"$ATT_BINARY" init --db "$DB" >"$TMP_DIR/init.log" 2>&1 || {
    cat "$TMP_DIR/init.log" >&2
    die "att init failed"
}
start_server

COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ "$COMMIT" != unknown ]] && [[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
    COMMIT="$COMMIT (dirty)"
fi
HEADER="att HTTP load test  $(date '+%Y-%m-%d %H:%M:%S %z')
host:      $(uname -n), $(nproc) CPU(s), $(uname -sr)
binary:    $ATT_BINARY (commit $COMMIT, built $(date -r "$ATT_BINARY" '+%Y-%m-%d %H:%M:%S'))
load:      $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) (1/5/15 min load average before the run; other work on the machine skews the figures)
server:    --threads $SERVER_THREADS --access-log off, $HOST:$PORT, SQLite (fresh att init)
wrk:       -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s --latency (warm-up ${WARMUP}s per endpoint)"
echo "$HEADER"
echo

if ((WARMUP > 0)); then
    echo "warming up (${WARMUP}s per endpoint)..."
    for path in "${ENDPOINTS[@]}"; do
        run_wrk "$WARMUP" "$path" "$TMP_DIR/warmup.txt"
    done
fi

declare -a RPS P50 P99 ERRS BYTES
for i in "${!ENDPOINTS[@]}"; do
    path=${ENDPOINTS[$i]}
    echo "measuring $path (${DURATION}s)..."
    out="$TMP_DIR/wrk-$i.txt"
    run_wrk "$DURATION" "$path" "$out"
    grep -q '^RESULT ' "$out" || {
        cat "$out" >&2
        die "no RESULT line from $LUA_SCRIPT for $path"
    }
    RPS[i]=$(field "$out" RPS)
    P50[i]=$(field "$out" P50_MS)
    P99[i]=$(field "$out" P99_MS)
    BYTES[i]=$(awk -v b="$(field "$out" BYTES)" -v n="$(field "$out" REQUESTS)" 'BEGIN { printf "%.0f", (n > 0 ? b / n : 0) }')
    non2xx=$(field "$out" NON2XX)
    sock=$(($(field "$out" ERR_CONNECT) + $(field "$out" ERR_READ) + $(field "$out" ERR_WRITE) + $(field "$out" ERR_TIMEOUT)))
    ERRS[i]="$non2xx/$sock"
done
echo

TABLE="$(
    printf '%-48s %10s %9s %9s %9s %12s %12s\n' "endpoint" "req/s" "p50 ms" "p99 ms" "vs health" "bytes/resp" "non2xx/sock"
    for i in "${!ENDPOINTS[@]}"; do
        ratio=$(awk -v a="${RPS[$i]}" -v b="${RPS[0]}" 'BEGIN { printf (b > 0 ? "%.3f" : "n/a"), (b > 0 ? a / b : 0) }')
        printf '%-48s %10.0f %9.2f %9.2f %9s %12s %12s\n' "${ENDPOINTS[$i]}" "${RPS[$i]}" "${P50[$i]}" "${P99[$i]}" "$ratio" "${BYTES[$i]}" "${ERRS[$i]}"
    done
)"
echo "$TABLE"
echo

FAILED=0
CHECKS=""
check() { # check PASS|FAIL TEXT
    CHECKS+="$1  $2"$'\n'
    [[ "$1" == PASS ]] || FAILED=1
}
if awk -v a="${RPS[0]}" -v t="$TARGET_RPS" 'BEGIN { exit !(a >= t) }'; then
    check PASS "/api/v1/health sustains >= $TARGET_RPS req/s (measured $(printf '%.0f' "${RPS[0]}"))"
else
    check FAIL "/api/v1/health sustains >= $TARGET_RPS req/s (measured $(printf '%.0f' "${RPS[0]}"))"
fi
STATES_RATIO=$(awk -v a="${RPS[$STATES_INDEX]}" -v b="${RPS[$STATIC_INDEX]}" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
states_vs_static="${ENDPOINTS[$STATES_INDEX]} reaches >= $STATES_VS_STATIC of ${ENDPOINTS[$STATIC_INDEX]} req/s (measured $(printf '%.0f' "${RPS[$STATES_INDEX]}") vs $(printf '%.0f' "${RPS[$STATIC_INDEX]}") = $STATES_RATIO)"
if awk -v r="$STATES_RATIO" -v t="$STATES_VS_STATIC" 'BEGIN { exit !(r >= t) }'; then
    check PASS "$states_vs_static"
else
    check FAIL "$states_vs_static"
fi
for i in "${!ENDPOINTS[@]}"; do
    if [[ "${ERRS[$i]}" == "0/0" ]]; then
        check PASS "${ENDPOINTS[$i]}: no non-2xx responses, no socket errors"
    else
        check FAIL "${ENDPOINTS[$i]}: non-2xx/socket errors = ${ERRS[$i]} (see raw wrk output in the results file)"
    fi
done
printf '%s' "$CHECKS"

mkdir -p "$RESULTS_DIR"
RESULT_FILE="$RESULTS_DIR/http-$(date '+%Y-%m-%d-%H%M%S').txt"
{
    echo "$HEADER"
    echo
    echo "$TABLE"
    echo
    printf '%s' "$CHECKS"
    for i in "${!ENDPOINTS[@]}"; do
        echo
        echo "=== raw wrk output: ${ENDPOINTS[$i]} ==="
        cat "$TMP_DIR/wrk-$i.txt"
    done
} >"$RESULT_FILE"
echo
echo "figures written to ${RESULT_FILE#"$ROOT"/}"

exit "$FAILED"
