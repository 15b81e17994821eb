#!/usr/bin/env bash
# Webhook delivery of 10,000 events to a slow receiver, with tasks-service killed (kill -9) and started again in
# the middle: none may be lost, and none sent twice beyond what at-least-once allows (an event whose receipt was
# not yet recorded when the service died). The events go straight into tasks-service's outbox, as the changes of
# a busy county would put them there; the county platform subscribes through the gateway with its own token.
# The receiver takes DELAY_MS per delivery and checks every signature (Standard Webhooks). Deliveries to one
# subscription are sequential (feed order), so the receiver's pace bounds the rate: the figure is the rate
# reached as a ratio of that bound, measured in the same run. Writes bench/RESULTS-webhooks.md.
#   bench/webhooks.sh
#   EVENTS=2000 DELAY_MS=5 bench/webhooks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${EVENTS:-10000}
DELAY_MS=${DELAY_MS:-5}
# clear of the normal run (offset 0), bench/run.sh (12000), bench/files.sh (13000) and the end-to-end run (20000)
OFFSET=13500
GW=$((8080 + OFFSET)); KC=$((18080 + OFFSET)); PG=$((15432 + OFFSET)); RECEIVER=$((8095 + OFFSET))
WORK=$(mktemp -d /tmp/tuanjie-webhooks.XXXXXX)
BENCH_LOGS=${BENCH_LOGS:-/tmp/tuanjie-webhooks-logs}

need() { command -v "$1" >/dev/null 2>&1; }
for tool in curl psql python3; do need $tool || { echo "missing $tool"; exit 2; }; done
[ -f deploy/launcher/target/launcher.jar ] && [ -f tasks-service/target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -DskipTests package
KC_HOME=${TUANJIE_KEYCLOAK_HOME:-}
[ -z "$KC_HOME" ] && [ -x .local/keycloak/bin/kc.sh ] && KC_HOME=$PWD/.local/keycloak
[ -z "$KC_HOME" ] && KC_HOME=$PWD/deploy/launcher/target/keycloak-dist/keycloak-26.5.6
[ -x "$KC_HOME/bin/kc.sh" ] || { echo "no Keycloak distribution: run deploy/run-local.sh once"; exit 2; }

cleanup() {
  [ -n "${RECEIVER_PID:-}" ] && kill "$RECEIVER_PID" 2>/dev/null || true
  [ -n "${RESTARTED:-}" ] && kill "$RESTARTED" 2>/dev/null || true
  [ -n "${LAUNCHER:-}" ] && kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null || true
  rm -rf "$BENCH_LOGS" && mkdir -p "$BENCH_LOGS"
  cp -r "$WORK"/state/logs/. "$WORK"/*.log "$BENCH_LOGS"/ 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cat > "$WORK/receiver.py" <<'PY'
# A county platform's webhook endpoint: DELAY_MS per delivery, every signature checked, every id written down.
import base64, hashlib, hmac, os, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
delay = int(os.environ["DELAY_MS"]) / 1000.0
secret_file, log_path = os.environ["SECRET_FILE"], os.environ["RECEIVED"]
lock = threading.Lock()
class Hook(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        time.sleep(delay)
        key = base64.b64decode(open(secret_file).read().strip()[len("whsec_"):])
        signed = f'{self.headers["webhook-id"]}.{self.headers["webhook-timestamp"]}.'.encode() + body
        expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        ok = expected in self.headers["webhook-signature"].split(" ")
        with lock, open(log_path, "a") as log:
            log.write(f'{self.headers["webhook-id"]} {"ok" if ok else "BAD"} {time.time():.3f}\n')
        self.send_response(204 if ok else 400)
        self.end_headers()
    def log_message(self, *args):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Hook).serve_forever()
PY
echo "pending" > "$WORK/secret"
DELAY_MS=$DELAY_MS SECRET_FILE=$WORK/secret RECEIVED=$WORK/received.txt python3 "$WORK/receiver.py" "$RECEIVER" &
RECEIVER_PID=$!
touch "$WORK/received.txt"

echo "starting the suite (log: $WORK/suite.log)"
TUANJIE_AOT=off TUANJIE_PORT_OFFSET=$OFFSET TUANJIE_STATE=$WORK/state TUANJIE_KEYCLOAK_HOME=$KC_HOME \
  TUANJIE_SERVICE_JVM_OPTIONS="-Dtuanjie.bench.service={service}" \
  java -jar deploy/launcher/target/launcher.jar > "$WORK/suite.log" 2>&1 &
LAUNCHER=$!
for _ in $(seq 1 400); do grep -q "Tuanjie is running" "$WORK/suite.log" && break; sleep 1; done
grep -q "Tuanjie is running" "$WORK/suite.log" || { cat "$WORK/suite.log"; exit 1; }

TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=county-platform -d client_secret=county-platform-demo-secret \
  "http://127.0.0.1:$KC/realms/unity/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
COUNTY_PATH=$(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GW/api/units/by-code/513330000000" \
  | python3 -c 'import json,sys; print("/" + "/".join(json.load(sys.stdin)["path"]) + "/")')
SUBSCRIPTION=$(curl -s -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER/hook\",\"types\":[\"org.tuanjie.bench.tick\"]}" "http://127.0.0.1:$GW/api/tasks/webhooks")
echo "$SUBSCRIPTION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])' > "$WORK/secret"

echo "putting $EVENTS events in tasks-service's outbox"
START=$(date +%s.%N)
PGPASSWORD=postgres psql -q -h 127.0.0.1 -p $PG -U postgres -d tasks -c "
  insert into outbox_event (id, type, subject, unit_path, occurred_at, data)
  select gen_random_uuid(), 'org.tuanjie.bench.tick', 'bench/' || n, '$COUNTY_PATH', now(), jsonb_build_object('n', n)
  from generate_series(1, $EVENTS) n" >/dev/null

received() { awk '{print $1}' "$WORK/received.txt" | sort -u | wc -l; }
HALF=$((EVENTS / 2))
while [ "$(received)" -lt "$HALF" ]; do sleep 0.2; done
TASKS_PID=$(pgrep -f -- "-Dtuanjie.bench.service=tasks-service" | head -1)
echo "half delivered: killing tasks-service ($TASKS_PID) with -9 and starting it again"
CWD=$(readlink "/proc/$TASKS_PID/cwd")
mapfile -d '' COMMAND < "/proc/$TASKS_PID/cmdline"
mapfile -d '' ENVIRONMENT < "/proc/$TASKS_PID/environ"
KILLED_AT=$(date +%s.%N)
kill -9 "$TASKS_PID"
sleep 2
RESTARTED_AT=$(date +%s.%N)
(cd "$CWD" && exec env -i "${ENVIRONMENT[@]}" "${COMMAND[@]}" > "$WORK/tasks-service-restarted.log" 2>&1) &
RESTARTED=$!
DEADLINE=$(( $(date +%s) + 1800 ))
while [ "$(received)" -lt "$EVENTS" ] && [ "$(date +%s)" -lt "$DEADLINE" ]; do sleep 0.5; done
END=$(date +%s.%N)
UNIQUE=$(received)
TOTAL=$(wc -l < "$WORK/received.txt")
BAD=$(grep -c " BAD " "$WORK/received.txt" || true)
# the first delivery sent by the restarted service (one in flight at the kill may be logged just after it)
read -r RESUMED_AFTER < <(awk -v r="$RESTARTED_AT" -v k="$KILLED_AT" '$3 > r { printf "%.1f\n", $3 - k; exit }' "$WORK/received.txt")
# the rate before the kill: the steady state, without the restart's gap
RATE=$(awk -v n="$HALF" -v s="$START" -v k="$KILLED_AT" 'BEGIN { printf "%.1f", n / (k - s) }')
BOUND=$(awk -v d="$DELAY_MS" 'BEGIN { printf "%.1f", 1000 / d }')
DRAIN=$(awk -v s="$START" -v e="$END" 'BEGIN { printf "%.1f", e - s }')
RATIO=$(awk -v a="$RATE" -v b="$BOUND" 'BEGIN { printf "%.2f", a / b }')

cat > bench/RESULTS-webhooks.md <<MD
# Webhooks: $EVENTS events to a slow receiver, tasks-service killed in the middle

Measured by \`bench/webhooks.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC ($(nproc) cores, $(java -version 2>&1 | head -1)).
The receiver (Python, loopback) takes $DELAY_MS ms per delivery and checks each Standard Webhooks signature; deliveries
to one subscription are sequential (feed order), so its pace bounds the rate at $BOUND per second.
tasks-service was killed with \`kill -9\` when half had arrived and started again 2 s later.

| | |
|---|---|
| events put in the outbox | $EVENTS |
| distinct events received | $UNIQUE |
| deliveries in all (at least once) | $TOTAL (duplicates: $((TOTAL - UNIQUE))) |
| bad signatures | $BAD |
| backlog drained in | $DRAIN s (from the insert to the last event, restart included) |
| deliveries resumed after the kill in | ${RESUMED_AFTER:-?} s (the restart, then the dead instance's 30 s lease running out) |
| deliveries per second before the kill | $RATE |
| **ratio to the receiver-bound rate** ($BOUND/s) | **$RATIO** |
MD
cat bench/RESULTS-webhooks.md
[ "$UNIQUE" = "$EVENTS" ] && [ "$BAD" = 0 ] || { echo "lost events or bad signatures"; exit 1; }
