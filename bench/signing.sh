#!/usr/bin/env bash
# 500 principal leaders sign their units' agreements within a minute, through the gateway with their own tokens: does
# the audit trail's chain lock (pg_advisory_xact_lock, taken by every append in the transaction of the change) hold
# them up? Sets up 500 villages under the demo county, each with its leader and account (the unit sheet's people
# columns, then each account's first login), and one agreement per village and window ready for the leader's
# signature. Then, per window: the leaders' tokens and each one's reading of their agreement (untimed), and all the
# leaders' POST /agreements/{id}/sign at a fixed arrival rate spread over the window (open loop; by default 60 s, then
# 20, 10 and 5 s to find where it saturates), each latency counted from when the request was due. Meanwhile
# PostgreSQL's sessions are sampled (who waits for the chain lock, what its holder is doing), agreements-service is
# recorded with JFR (its JDBC reads, its waits for a pooled connection), and the CPU (/proc) and the services' request
# timers (/q/metrics) are read before and after. Afterwards an auditor walks the whole chain through the verification
# endpoint. Writes bench/RESULTS-signing.md (figures by bench/signing-figures.py; the leaders' side is
# bench/SigningLoad.java). Needs curl, psql, python3, jcmd and jfr (JDK 25). About 15 minutes.
#   bench/signing.sh
#   LEADERS=200 WINDOWS="30 5" bench/signing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
LEADERS=${LEADERS:-500}
WINDOWS=${WINDOWS:-60 20 10 5}
SAMPLE_EVERY=${SAMPLE_EVERY:-0.05}
# clear of the normal run (offset 0), bench/run.sh (12000), sync (12500), files (13000), webhooks (13500), e2e (14000)
OFFSET=11000
GW=$((8080 + OFFSET)); UNITS=$((8081 + OFFSET)); AGREEMENTS=$((8083 + OFFSET)); KC=$((18080 + OFFSET)); PG=$((15432 + OFFSET))
ISSUER=http://127.0.0.1:$KC/realms/unity
COUNTY=513330000000
# AuditTrail.CHAIN_LOCK (0x7475616e6a6965) as pg_locks shows a bigint key: its high and low 32 bits
CHAIN_LOCK_CLASSID=7632225; CHAIN_LOCK_OBJID=1852467557
WORK=$(mktemp -d /tmp/tuanjie-signing.XXXXXX)
BENCH_LOGS=${BENCH_LOGS:-/tmp/tuanjie-signing-logs}
BEGAN=$(date +%s)

need() { command -v "$1" >/dev/null 2>&1; }
for tool in curl psql python3; do need $tool || { echo "missing $tool"; exit 2; }; done
[ "$LEADERS" -le 1990 ] || { echo "at most 1990 leaders (199 villages a township)"; exit 2; }
source bench/suite-jars.sh
for tool in jcmd jfr; do need $tool || { echo "missing $tool (JDK 25)"; exit 2; }; done

cleanup() {
  [ -n "${SAMPLER:-}" ] && kill "$SAMPLER" 2>/dev/null || true
  [ -n "${LOAD:-}" ] && kill "$LOAD" 2>/dev/null || true
  [ -n "${LAUNCHER:-}" ] && kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null || true
  rm -rf "$BENCH_LOGS" && mkdir -p "$BENCH_LOGS"
  # everything bench/signing-figures.py reads, to look again at what the figures show
  cp -r "$WORK"/state/logs/. "$WORK"/*.log "$WORK"/*.tsv "$WORK"/*.summary "$WORK"/*.txt "$WORK"/*.json "$WORK"/*.jfr \
    "$BENCH_LOGS"/ 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "starting the suite with the demo county (log: $WORK/suite.log)"
# the gateway's rate limits stay as deployed: 500 leaders are 500 callers, and one app's bucket holds a burst of 1000
TUANJIE_AOT=off TUANJIE_PORT_OFFSET=$OFFSET TUANJIE_STATE=$WORK/state TUANJIE_KEYCLOAK_HOME=$KC_HOME \
  TUANJIE_SERVICE_JVM_OPTIONS="-Dtuanjie.bench.signing=$WORK/{service}" \
  java -jar deploy/launcher/target/launcher.jar > "$WORK/suite.log" 2>&1 &
LAUNCHER=$!
for _ in $(seq 1 600); do grep -q "Tuanjie is running" "$WORK/suite.log" && break; sleep 1; done
grep -q "Tuanjie is running" "$WORK/suite.log" || { cat "$WORK/suite.log"; exit 1; }
SETUP_BEGAN=$(date +%s)

json() { python3 -c 'import json,sys; v=json.load(sys.stdin)
for k in sys.argv[1].split("."): v=v[k]
print(v)' "$1"; }
token() {
  curl -s -d grant_type=password -d client_id=tuanjie-cli -d "username=$1" -d password=demo-2026 "$ISSUER/protocol/openid-connect/token" | json access_token
}
api() { # token method path [body] -> body; fails unless 2xx
  local out status
  out=$(curl -s -w '\n%{http_code}' -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    ${4:+-d "$4"} ${IF_MATCH:+-H "If-Match: $IF_MATCH"} "http://127.0.0.1:$GW$3")
  status=${out##*$'\n'}
  [ "${status:0:1}" = 2 ] || { echo "$2 $3 answered $status: ${out%$'\n'*}" >&2; return 1; }
  echo "${out%$'\n'*}"
}
ADMIN=$(token office-admin)
COUNTY_ID=$(api "$ADMIN" GET /api/v1/units/by-code/$COUNTY | json id)

# straight to units-service: an import of 250 accounts takes longer than the gateway waits (GATEWAY_TIMEOUT, 5 s), which
# stays as deployed because it bounds the signatures too
echo "importing $LEADERS villages, each with its principal leader's account (unit sheet, 250 rows an import)"
# the n-th village goes to township n mod 10; its division code shares the township's first nine digits
python3 - "$LEADERS" "$WORK" <<'PY'
import sys
leaders, work = int(sys.argv[1]), sys.argv[2]
rows = []
for n in range(leaders):
    township = "513330%d000" % (100 + n % 10)
    code = township[:9] + "%03d" % (201 + n // 10)
    rows.append((code, township))
with open(f"{work}/users.tsv", "w") as users, open(f"{work}/villages.tsv", "w") as villages:
    for code, township in rows:
        users.write(f"leader-{code}\tTj-bench-{code[-6:]}-Aa1!\n")
        villages.write(f"{code}\tleader-{code}\n")
for part in range(0, leaders, 250):
    with open(f"{work}/villages-{part // 250}.csv", "w") as sheet:
        sheet.write("code,name_zh,parent_code,kind,leader_name,leader_username,temporary_password\n")
        for code, township in rows[part:part + 250]:
            sheet.write(f"{code},第{code[-3:]}村（{township[6:9]}）,{township},村,村支部书记{code[-6:]},leader-{code},Tj-bench-{code[-6:]}-Aa1!\n")
PY
for sheet in "$WORK"/villages-*.csv; do
  curl -s --max-time 900 -o "$WORK/import.txt" -w '%{http_code}' -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: text/csv' --data-binary "@$sheet" "http://127.0.0.1:$UNITS/units/import" | grep -q 200 \
    || { cat "$WORK/import.txt"; exit 1; }
  ADMIN=$(token office-admin) # a fresh one for the next import: each takes minutes on a busy machine
done
echo "the $LEADERS leaders' first logins (Keycloak's pages: temporary password, then their own)"
java bench/SigningLoad.java first-login "$ISSUER" "$WORK/users.tsv" 4

# one agreement a village for each window, each window a year of its own: a signed agreement cannot be signed again
YEAR=$(date +%Y)
read -r -a WINDOW_LIST <<< "$WINDOWS"
for k in "${!WINDOW_LIST[@]}"; do
  year=$((YEAR + k))
  echo "issuing the $year agreements to every unit of the county"
  template=$(python3 -c 'import json,sys; y=int(sys.argv[1]); print(json.dumps({"year": y, "title": f"{y}年度民族团结进步创建工作目标责任书",
    "clauses": ["乙方主要负责人是本单位民族团结进步创建工作第一责任人。", "乙方按期完成督查发现问题的整改，整改情况接受甲方督查。"],
    "targets": [{"code": "T1", "title": "督查发现问题整改销号", "weight": 60, "measure": "TASKS_VERIFIED"},
                {"code": "T2", "title": "创建工作基础（三有）完备", "weight": 40, "measure": "READINESS"}],
    "adjustments": [], "passMark": 80}, ensure_ascii=False))' "$year")
  ADMIN=$(token office-admin)
  TEMPLATE=$(api "$ADMIN" POST /api/v1/templates "$template" | json id)
  IF_MATCH=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$GW/api/v1/templates/$TEMPLATE" \
    | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }') api "$ADMIN" POST "/api/v1/templates/$TEMPLATE/publish" >/dev/null
  # straight to agreements-service too: one transaction for ~$LEADERS agreements and their audit entries, which on a
  # busy machine outlasts the gateway's 5 s
  curl -s --max-time 600 -o "$WORK/issued.json" -w '%{http_code}' -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' -d "{\"within\":\"$COUNTY_ID\"}" \
    "http://127.0.0.1:$AGREEMENTS/templates/$TEMPLATE/issue" | grep -q 200 || { cat "$WORK/issued.json"; exit 1; }
  # which agreement is whose: the county's list of the year, matched to the villages by unit code
  : > "$WORK/agreements-$k.tsv"
  cursor=""
  while :; do
    api "$ADMIN" GET "/api/v1/agreements?year=$year&state=ISSUED&limit=500${cursor:+&cursor=$cursor}" > "$WORK/page.json"
    python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))
for a in p["items"]: print(a["unit"]["code"] + "\t" + a["id"])' "$WORK/page.json" >> "$WORK/agreements-$k.tsv"
    cursor=$(python3 -c 'import json,sys,urllib.parse; print(urllib.parse.quote(json.load(open(sys.argv[1])).get("next") or ""))' "$WORK/page.json")
    [ -n "$cursor" ] || break
  done
  awk -F'\t' 'NR == FNR { id[$1] = $2; next } { if (!($1 in id)) { print "no agreement for " $1 > "/dev/stderr"; exit 1 }
    print $2 "\t" id[$1] }' "$WORK/agreements-$k.tsv" "$WORK/villages.tsv" > "$WORK/plan-$k.tsv"
done
SETUP_S=$(( $(date +%s) - SETUP_BEGAN ))

# Read before and after each window: the CPU time used so far by each service, by postgres (server and backends), by
# the load and by the whole machine (/proc), and the services' own request timers (Micrometer, /q/metrics)
cat > "$WORK/snapshot.py" <<'PY'
import json, os, re, sys, urllib.request
work, gateway_management, agreements, units = sys.argv[1:5]
def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[1]), int(fields[11]) + int(fields[12])  # ppid, utime + stime
procs = {}
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
        procs[int(pid)] = (cmd,) + stat(pid)
    except OSError:
        pass
cpu = {}
def add(name, ticks):
    cpu[name] = cpu.get(name, 0) + ticks
postmaster = [p for p, (cmd, ppid, t) in procs.items() if f"{work}/state/pg" in cmd and "postgres" in cmd]
for pid, (cmd, ppid, ticks) in procs.items():
    for service in ("gateway", "units-service", "tasks-service", "agreements-service"):
        if f"-Dtuanjie.bench.signing={work}/{service} " in cmd + " ":
            add(service, ticks)
    if pid in postmaster or ppid in postmaster:
        add("postgres", ticks)
    if "SigningLoad.java sign" in cmd:
        add("load", ticks)
with open("/proc/stat") as f:
    machine = [int(v) for v in f.readline().split()[1:]]
cpu["machine"] = sum(machine) - machine[3] - machine[4]
# count and seconds of a timer, every status summed: (where, metric, labels it must carry)
TIMERS = {
    "gateway sign": (gateway_management, "http_server_requests_seconds", ['method="POST"', 'uri="/api/v1/agreements/{id}/sign"']),
    "agreements sign": (agreements, "http_server_requests_seconds", ['method="POST"', 'uri="/agreements/{id}/sign"']),
    "agreements → units by id": (agreements, "http_client_requests_seconds", ['clientName="units"', 'uri="/units/{id}"']),
    "agreements → units by code": (agreements, "http_client_requests_seconds", ['clientName="units"', 'uri="/units/by-code/{code}"']),
}
pages, timers = {}, {}
for name, (url, metric, labels) in TIMERS.items():
    if url not in pages:
        pages[url] = urllib.request.urlopen(url + "/q/metrics", timeout=10).read().decode()
    count = total = 0.0
    for line in pages[url].splitlines():
        if line.startswith(metric + "_") and all(l in line for l in labels):
            value = float(line.rsplit(" ", 1)[1])
            if line.startswith(metric + "_count{"):
                count += value
            elif line.startswith(metric + "_sum{"):
                total += value
    timers[name] = [count, total]
print(json.dumps({"cpu": cpu, "timers": timers}))
PY
snapshot() {
  python3 "$WORK/snapshot.py" "$WORK" "http://127.0.0.1:$((9080 + OFFSET))" "http://127.0.0.1:$AGREEMENTS" \
    "http://127.0.0.1:$UNITS"
}

AGREEMENTS_PID=$(pgrep -f -- "-Dtuanjie.bench.signing=$WORK/agreements-service" | head -1)
# per sample: its time, sessions waiting for the chain lock, sessions waiting for any advisory lock (the outbox's
# positioner takes one of its own), sessions active, sessions idle in a transaction, and the chain lock's holder's state
CHAIN="l.locktype = 'advisory' and l.classid = $CHAIN_LOCK_CLASSID and l.objid = $CHAIN_LOCK_OBJID
       and l.database = (select oid from pg_database where datname = 'agreements')"
SAMPLE_SQL="select extract(epoch from clock_timestamp()),
  (select count(*) from pg_locks l where $CHAIN and not l.granted),
  count(*) filter (where a.wait_event_type = 'Lock' and a.wait_event = 'advisory'),
  count(*) filter (where a.state = 'active'),
  count(*) filter (where a.state like 'idle in transaction%'),
  (select coalesce(h.state, '?') || ':' || coalesce(h.wait_event_type || '/' || h.wait_event, 'running')
     from pg_locks l join pg_stat_activity h on h.pid = l.pid where $CHAIN and l.granted)
  from pg_stat_activity a where a.datname = 'agreements' and a.pid <> pg_backend_pid() and a.backend_type = 'client backend'"

for k in "${!WINDOW_LIST[@]}"; do
  window=${WINDOW_LIST[$k]}
  out=$WORK/sign-$k.tsv
  echo "window $((k + 1)): $LEADERS leaders sign within $window s (tokens and agreements read first, untimed)"
  java bench/SigningLoad.java sign "http://127.0.0.1:$GW" "$ISSUER" "$WORK/plan-$k.tsv" "$window" "$out" &
  LOAD=$!
  while [ ! -f "$out.ready" ]; do kill -0 "$LOAD" 2>/dev/null || { wait "$LOAD"; exit 1; }; sleep 0.2; done
  printf '%s \\watch %s\n' "$SAMPLE_SQL" "$SAMPLE_EVERY" | PGPASSWORD=postgres psql -q -At -F '|' -h 127.0.0.1 -p "$PG" \
    -U postgres -d agreements > "$WORK/samples-$k.txt" 2>"$WORK/sampler-$k.log" &
  SAMPLER=$!
  # every JDBC read (a statement's round trip, or its wait for a lock; unthrottled) and every park of 1 ms or more
  jcmd "$AGREEMENTS_PID" JFR.start name=signing settings=profile jdk.SocketRead#threshold=0ms jdk.SocketRead#throttle=off \
    jdk.ThreadPark#threshold=1ms \
    filename="$WORK/agreements-$k.jfr" >/dev/null
  snapshot > "$WORK/before-$k.json"
  SNAPSHOT_AT=$(date +%s.%N)
  touch "$out.go"
  wait "$LOAD"; LOAD=
  awk -v a="$SNAPSHOT_AT" -v b="$(date +%s.%N)" 'BEGIN { print b - a }' > "$WORK/span-$k.txt"
  snapshot > "$WORK/after-$k.json"
  jcmd "$AGREEMENTS_PID" JFR.stop name=signing >/dev/null
  kill "$SAMPLER"; SAMPLER=
  # what the database holds: an answer lost to the gateway's timeout may still have signed
  PGPASSWORD=postgres psql -At -h 127.0.0.1 -p "$PG" -U postgres -d agreements \
    -c "select count(*) from agreement where year = $((YEAR + k)) and state = 'SIGNED'" > "$WORK/signed-$k.txt"
  sleep 5 # what the signatures set going (the outbox's deliveries, the inbox) settles before the next window
done

echo "an auditor walks the whole chain (GET /audit/verification, window by window)"
AUDITOR=$(token auditor-wang)
python3 - "http://127.0.0.1:$GW" "$AUDITOR" > "$WORK/chain.txt" <<'PY'
import json, sys, urllib.request
gateway, token = sys.argv[1:3]
seq, checked, windows, first_break = 1, 0, 0, None
while seq is not None:
    request = urllib.request.Request(f"{gateway}/api/v1/audit/verification?fromSeq={seq}",
                                     headers={"Authorization": f"Bearer {token}"})
    check = json.load(urllib.request.urlopen(request))
    windows += 1
    checked += check["checked"]
    if not check["valid"] and first_break is None:
        first_break = check
    seq = check.get("next")
print("intact" if first_break is None else "BROKEN " + json.dumps(first_break))
print(checked)
print(windows)
PY
CHAIN=$(sed -n 1p "$WORK/chain.txt"); CHAIN_CHECKED=$(sed -n 2p "$WORK/chain.txt"); CHAIN_WINDOWS=$(sed -n 3p "$WORK/chain.txt")
read -r ENTRIES SIGNED_ENTRIES < <(PGPASSWORD=postgres psql -At -F ' ' -h 127.0.0.1 -p "$PG" -U postgres -d agreements \
  -c "select count(*), count(*) filter (where action = 'SIGNED') from audit_entry")
SIGNED_ROWS=$(PGPASSWORD=postgres psql -At -h 127.0.0.1 -p "$PG" -U postgres -d agreements \
  -c "select count(*) from agreement where state = 'SIGNED'")

echo "reading the figures"
python3 bench/signing-figures.py "$WORK" "$SAMPLE_EVERY" "$PG" "${WINDOW_LIST[@]}" > "$WORK/figures.md"

TOTAL_S=$(( $(date +%s) - BEGAN ))
cat > bench/RESULTS-signing.md <<MD
# $LEADERS principal leaders sign within a minute: the audit trail's chain lock

Measured by \`bench/signing.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC ($(nproc) cores, $(java -version 2>&1 | head -1); the
machine may be shared: the "machine" CPU column counts every process on it). $LEADERS villages under the demo county,
each with its principal leader (\`unit-leader\`, an account from the unit sheet, first login done) and, per window, one
agreement of that window's year ready for signature (\`ISSUED\`). Each leader signs their own with their own token
(\`POST /api/v1/agreements/{id}/sign\` through the gateway, \`If-Match\` as read just before, untimed): all $LEADERS at
a fixed arrival rate spread evenly over the window, in a shuffled order, open loop. Latency runs from when the request
was due to its answer. Every signature appends to the audit trail under \`pg_advisory_xact_lock(CHAIN_LOCK)\`, held
from the append to the commit. The gateway's limits are as deployed (5 s timeout, per-caller and per-app rates).

$(cat "$WORK/figures.md")

After the runs the chain is **$CHAIN**: \`GET /api/v1/audit/verification\` from seq 1 to the head as auditor-wang
($CHAIN_WINDOWS windows, $CHAIN_CHECKED entries of the county checked); $ENTRIES entries in all, $SIGNED_ENTRIES of them
\`SIGNED\`, and $SIGNED_ROWS agreements in state \`SIGNED\`.

Set-up (import, first logins, issuing; untimed): $SETUP_S s. The whole run: $TOTAL_S s.
MD
cat bench/RESULTS-signing.md
[ "$CHAIN" = intact ] || { echo "the chain is broken"; exit 1; }
