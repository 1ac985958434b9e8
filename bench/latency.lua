-- wrk script: print machine-readable results once the run is done.
--
-- Used by bench/http_load.sh; can also be used by hand:
--   wrk -t2 -c64 -d10s --latency -s bench/latency.lua http://127.0.0.1:8080/api/v1/health
--
-- Prints one line (times in milliseconds, wrk measures in microseconds):
--   RESULT RPS=... P50_MS=... P90_MS=... P99_MS=... MAX_MS=... REQUESTS=... BYTES=...
--          DURATION_S=... NON2XX=... ERR_CONNECT=... ERR_READ=... ERR_WRITE=... ERR_TIMEOUT=...
-- NON2XX is wrk's "Non-2xx or 3xx responses" counter (summary.errors.status).

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local rps = 0
   if seconds > 0 then
      rps = summary.requests / seconds
   end
   local e = summary.errors
   io.write(string.format(
      "RESULT RPS=%.1f P50_MS=%.3f P90_MS=%.3f P99_MS=%.3f MAX_MS=%.3f " ..
      "REQUESTS=%d BYTES=%d DURATION_S=%.2f " ..
      "NON2XX=%d ERR_CONNECT=%d ERR_READ=%d ERR_WRITE=%d ERR_TIMEOUT=%d\n",
      rps,
      latency:percentile(50) / 1000,
      latency:percentile(90) / 1000,
      latency:percentile(99) / 1000,
      latency.max / 1000,
      summary.requests, summary.bytes, seconds,
      e.status, e.connect, e.read, e.write, e.timeout))
end
