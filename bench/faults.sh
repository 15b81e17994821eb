#!/usr/bin/env bash
# Faults under load: units-service killed (SIGKILL, started again 15 s later) and hung (SIGSTOP for 10 s)
# while fixed-rate load runs through the gateway. Sourced by bench/run.sh once its suite is running
# (it uses GW, UNITS, PG, KC, AUTH, UNIT, WORK, OIDC, DB and AUTOCANNON from there); sets the FAULT_* figures.
# The restarted units-service is this script's own process: FAULT_UNITS_PID, stopped by run.sh's cleanup.

FAULT_RATE=${FAULT_RATE:-200}

# the gateway log's clock as epoch milliseconds ("2026-11-28 15:30:01,123 WARN ..." lines)
log_ms() { date -d "$(cut -c1-23 <<<"$1" | tr , .)" +%s%3N; }
now_ms() { date +%s%3N; }
# first gateway log line after epoch ms $1 that matches $2, as epoch ms (empty if none)
logged_after() {
  local since=$1 pattern=$2 line
  while IFS= read -r line; do
    [ "$(log_ms "$line")" -ge "$since" ] && { log_ms "$line"; return; }
  done < <(grep -a "$pattern" "$WORK/state/logs/gateway.log")
}
units_pid() { pgrep -f "units-service/target/quarkus-app/quarkus-run.jar" | head -1; }
# autocannon's answer: "<2xx> <the other codes as code×count> <errors+timeouts> <p99 ms> <max ms>"
summary() {
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const codes = Object.entries(r.statusCodeStats || {}).filter(([c]) => !c.startsWith("2"))
      .map(([c, v]) => c + "×" + v.count).join(",") || "none";
    console.log(r["2xx"], codes, r.errors + r.timeouts, r.latency.p99, r.latency.max);' "$1"
}
load() { # name seconds url rate
  "$AUTOCANNON" -j -c 16 -t 10 -d "$2" --overallRate "$4" -H "$AUTH" "$3" > "$WORK/fault-$1.json" 2>/dev/null
}

echo "faults: units-service killed under load ($FAULT_RATE req/s through the gateway), started again 15 s later"
load kill 20 "http://127.0.0.1:$GW/api/units/$UNIT" "$FAULT_RATE" &
KILL_LOAD=$!
load kill-tasks 20 "http://127.0.0.1:$GW/api/tasks?limit=50" 20 &
KILL_TASKS=$!
sleep 5
VICTIM=$(units_pid)
KILLED_AT=$(now_ms)
kill -9 "$VICTIM"
wait "$KILL_LOAD" "$KILL_TASKS"
# started again as the launcher starts it, 15 s after the kill
UNITS_JAR=$PWD/units-service/target/quarkus-app/quarkus-run.jar
(cd "$WORK/state" && exec env QUARKUS_HTTP_PORT="$UNITS" $OIDC $(DB UNITS units) \
  java -Xmx384m -jar "$UNITS_JAR" > "$WORK/units-restarted.log" 2>&1) &
RESTARTED_AT=$(now_ms)
for _ in $(seq 1 1200); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$UNITS/q/health/ready")" = 200 ] && break
  sleep 0.05
done
UNITS_READY_AT=$(now_ms)
FAULT_UNITS_PID=$(units_pid)
# the same load once it is back: the circuit lets a trial through within its open time and closes
load back 10 "http://127.0.0.1:$GW/api/units/$UNIT" "$FAULT_RATE"
read -r FAULT_KILL_OK FAULT_KILL_CODES FAULT_KILL_ERRORS FAULT_KILL_P99 FAULT_KILL_MAX <<<"$(summary "$WORK/fault-kill.json")"
read -r FAULT_KT_OK FAULT_KT_CODES FAULT_KT_ERRORS FAULT_KT_P99 FAULT_KT_MAX <<<"$(summary "$WORK/fault-kill-tasks.json")"
read -r FAULT_BACK_OK FAULT_BACK_CODES FAULT_BACK_ERRORS FAULT_BACK_P99 FAULT_BACK_MAX <<<"$(summary "$WORK/fault-back.json")"
OPENED=$(logged_after "$KILLED_AT" "units-service circuit open")
CLOSED=$(logged_after "$UNITS_READY_AT" "units-service circuit closed")
FAULT_KILL_OPEN_MS=$([ -n "$OPENED" ] && echo $(( OPENED - KILLED_AT )) || echo "never")
FAULT_KILL_CLOSE_MS=$([ -n "$CLOSED" ] && echo $(( CLOSED - UNITS_READY_AT )) || echo "never")
FAULT_RESTART_MS=$(( UNITS_READY_AT - RESTARTED_AT ))

echo "faults: units-service hung (SIGSTOP) for 10 s under the same load"
load hang 30 "http://127.0.0.1:$GW/api/units/$UNIT" "$FAULT_RATE" &
HANG_LOAD=$!
sleep 5
HUNG_AT=$(now_ms)
kill -STOP "$FAULT_UNITS_PID"
sleep 10
kill -CONT "$FAULT_UNITS_PID"
RESUMED_AT=$(now_ms)
wait "$HANG_LOAD"
read -r FAULT_HANG_OK FAULT_HANG_CODES FAULT_HANG_ERRORS FAULT_HANG_P99 FAULT_HANG_MAX <<<"$(summary "$WORK/fault-hang.json")"
OPENED=$(logged_after "$HUNG_AT" "units-service circuit open")
CLOSED=$(logged_after "$RESUMED_AT" "units-service circuit closed")
FAULT_HANG_OPEN_MS=$([ -n "$OPENED" ] && echo $(( OPENED - HUNG_AT )) || echo "never")
FAULT_HANG_CLOSE_MS=$([ -n "$CLOSED" ] && echo $(( CLOSED - RESUMED_AT )) || echo "never")
