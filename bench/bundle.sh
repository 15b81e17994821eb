#!/usr/bin/env bash
# An auditor's evidence bundle of a whole county, built by tasks-service at -Xmx256m (every service and the gateway
# at that heap): the demo county given 10,000 more tasks (spread over its villages, each with its timeline) and
# 2 GB of evidence (40 files of 50 MiB uploaded through the gateway, each attached to one of those tasks). Times the
# bundle from the request (202) to READY, then its download, then the offline verifier; the reference is copying
# the same bytes in the same run: the evidence out of PostgreSQL (COPY of its slices), and the source files on disk.
# Memory: tasks-service's GC log; an OutOfMemoryError anywhere fails the run. Writes bench/RESULTS-bundle.md.
#   bench/bundle.sh
#   TASKS=2000 FILES=8 bench/bundle.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TASKS=${TASKS:-10000}
FILES=${FILES:-40}
SIZE_MIB=${SIZE_MIB:-50}
HEAP=${HEAP:-256m}
# clear of the normal run (offset 0), bench/run.sh (12000), bench/files.sh (13000) and the end-to-end run (20000)
OFFSET=11000
GW=$((8080 + OFFSET)); PG=$((15432 + OFFSET)); KC=$((18080 + OFFSET))
WORK=$(mktemp -d /tmp/tuanjie-bundle.XXXXXX)
BENCH_LOGS=${BENCH_LOGS:-/tmp/tuanjie-bundle-logs}

need() { command -v "$1" >/dev/null 2>&1; }
for tool in curl psql sha256sum; do need $tool || { echo "missing $tool"; exit 2; }; done
source bench/suite-jars.sh
[ -f bundle-verifier/target/bundle-verifier.jar ] || ./mvnw -q -B -DskipTests -pl bundle-verifier -am package
PSQL() { PGPASSWORD=postgres psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $PG -U postgres "$@"; }

cleanup() {
  [ -n "${LAUNCHER:-}" ] && kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null || true
  rm -rf "$BENCH_LOGS" && mkdir -p "$BENCH_LOGS"
  cp -r "$WORK"/state/logs/. "$WORK"/*.log "$BENCH_LOGS"/ 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
seconds() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(seconds)" 'BEGIN { printf "%.2f", e - s }'; }

echo "making $FILES files of $SIZE_MIB MiB (MP4: a ftyp box, then random bytes)"
mkdir -p "$WORK/files"
for i in $(seq 1 "$FILES"); do
  { printf '\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom'
    head -c $((SIZE_MIB * 1048576 - 24)) /dev/urandom; } > "$WORK/files/$i.mp4"
done

echo "starting the suite at -Xmx$HEAP per service (log: $WORK/suite.log)"
TUANJIE_AOT=off TUANJIE_PORT_OFFSET=$OFFSET TUANJIE_STATE=$WORK/state TUANJIE_KEYCLOAK_HOME=$KC_HOME TUANJIE_SERVICE_HEAP=$HEAP \
  TUANJIE_SERVICE_JVM_OPTIONS="-Xlog:gc:file=$WORK/{service}-gc.log -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=$WORK/{service}.hprof" \
  GATEWAY_RATE_PER_SECOND=1000000 GATEWAY_RATE_BURST=1000000 GATEWAY_APP_RATE_PER_SECOND=1000000 GATEWAY_APP_RATE_BURST=1000000 \
  java -jar deploy/launcher/target/launcher.jar > "$WORK/suite.log" 2>&1 &
LAUNCHER=$!
for _ in $(seq 1 400); do grep -q "Tuanjie is running" "$WORK/suite.log" && break; sleep 1; done
grep -q "Tuanjie is running" "$WORK/suite.log" || { cat "$WORK/suite.log"; exit 1; }
token() {
  curl -s -d grant_type=password -d client_id=tuanjie-cli -d username="$1" -d password=demo-2026 \
    "http://127.0.0.1:$KC/realms/unity/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

echo "adding $TASKS tasks over the demo county's villages, each with its timeline"
PSQL -d units -At -F, -c "select v.id, v.code, v.name_zh, v.path, t.code, t.name_zh, c.path from unit v
    join unit t on t.id = v.parent_id join unit c on c.id = t.parent_id
    where v.kind = 'VILLAGE' and t.kind = 'TOWNSHIP' and c.kind = 'COUNTY' order by v.code" > "$WORK/villages.csv"
COUNTY_PATH=$(head -1 "$WORK/villages.csv" | cut -d, -f7)
COUNTY_ID=$(PSQL -d units -At -c "select id from unit where path = '$COUNTY_PATH'")
PSQL -d tasks <<SQL
create temporary table village (id uuid, code text, name text, path text, township_code text, township_name text, county_path text);
\copy village from '$WORK/villages.csv' with (format csv)
create temporary table numbered as select row_number() over (order by code) - 1 as n, * from village;
insert into rectification_task (id, title, category, measures, unit_id, unit_code, unit_name, unit_path,
    township_code, township_name, responsible_person, cooperating_units, owner_path, deadline, state,
    verified_by, verified_at, created_at, created_by, updated_at, updated_by, version)
select md5('bundle-task-' || g)::uuid, '整改任务 ' || g,
       (array['LEADERSHIP','PUBLICITY','PROGRESS','GUARANTEES','CAPACITY','HIGHLIGHTS','COORDINATION','ATMOSPHERE','BALANCE'])[1 + g % 9],
       '制定整改方案，限期完成；' || repeat('完善台账，', 20), v.id, v.code, v.name, v.path, v.township_code, v.township_name,
       '负责人', '[]'::jsonb, v.county_path, date '2026-06-30' + (g % 120), state,
       case when state = 'VERIFIED' then 'bench-inspector' end, case when state = 'VERIFIED' then now() end,
       timestamptz '2026-03-01 09:00+08' + (g % 90) * interval '1 day', 'bench', now(), 'bench', 0
from (select g, (array['ASSIGNED','IN_PROGRESS','SUBMITTED','VERIFIED','REJECTED'])[1 + g % 5] as state
      from generate_series(1, $TASKS) g) rows
join numbered v on v.n = rows.g % (select count(*) from village);
insert into task_event (task_id, type, from_state, to_state, detail, actor, at, recorded_at)
select id, 'ASSIGNED', null, 'ASSIGNED', '{}'::jsonb, 'bench', created_at, now() from rectification_task where created_by = 'bench';
insert into task_event (task_id, type, from_state, to_state, detail, actor, at, recorded_at)
select id, 'STATE_CHANGED', 'ASSIGNED', state, jsonb_build_object('action', 'bench'), 'bench', created_at + interval '3 days', now()
from rectification_task where created_by = 'bench' and state <> 'ASSIGNED';
vacuum analyze rectification_task;
vacuum analyze task_event;
SQL

echo "uploading $FILES files through the gateway, one after another"
TOKEN=$(token education-liaison)
UPLOAD_START=$(seconds)
for i in $(seq 1 "$FILES"); do
  code=$(curl -s -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/files/$i.mp4;type=video/mp4" \
    -w '%{http_code}' -o "$WORK/upload-$i.json" "http://127.0.0.1:$GW/api/evidence")
  [ "$code" = 201 ] || { echo "upload $i: $code $(cat "$WORK/upload-$i.json")"; exit 1; }
done
UPLOAD=$(since "$UPLOAD_START")
# each file attached to one bench task, as an attachment on the task would
ids=$(for i in $(seq 1 "$FILES"); do grep -o '"id":"[^"]*"' "$WORK/upload-$i.json" | head -1 | cut -d'"' -f4; done)
PSQL -d tasks -c "with files as (select id, row_number() over (order by created_at) as n from stored_file
    where id in ($(echo "$ids" | sed "s/.*/'&'/" | paste -sd,)))
  update stored_file f set owner_kind = 'task', owner_id = md5('bundle-task-' || (files.n * 97))::uuid::text,
      attached_at = now(), expires_at = null from files where f.id = files.id"
EVIDENCE_BYTES=$(PSQL -d tasks -At -c "select sum(declared_size) from stored_file where owner_kind = 'task'")

echo "the reference: the same bytes copied out of PostgreSQL, then on disk"
COPY_DB_START=$(seconds)
PSQL -d tasks -c "\copy (select data from file_chunk where blob in (select id::text from stored_file where owner_kind = 'task') order by blob, at) to '$WORK/copy.bin' with (format binary)"
COPY_DB=$(since "$COPY_DB_START")
# the binary COPY format adds a few bytes per row: at least the evidence's bytes came out
[ "$(stat -c %s "$WORK/copy.bin")" -ge "$EVIDENCE_BYTES" ] || { echo "the copy out of PostgreSQL is short"; exit 1; }
rm -f "$WORK/copy.bin"
COPY_DISK_START=$(seconds)
cat "$WORK"/files/*.mp4 > "$WORK/copy.bin" && sync "$WORK/copy.bin"
COPY_DISK=$(since "$COPY_DISK_START")
rm -f "$WORK/copy.bin"

echo "the county's bundle, asked by the county's auditor through the gateway"
TOKEN=$(token auditor-wang)
BUILD_START=$(seconds)
curl -s -D "$WORK/bundle.headers" -o "$WORK/bundle.json" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"unitId\":\"$COUNTY_ID\",\"from\":\"2026-01-01\",\"to\":\"2026-12-31\"}" "http://127.0.0.1:$GW/api/bundles"
head -1 "$WORK/bundle.headers" | grep -q " 202" || { cat "$WORK/bundle.headers" "$WORK/bundle.json"; exit 1; }
BUNDLE=$(grep -o '"id":"[^"]*"' "$WORK/bundle.json" | head -1 | cut -d'"' -f4)
STATUS=
for poll in $(seq 1 3600); do
  [ $((poll % 200)) = 0 ] && TOKEN=$(token auditor-wang)
  curl -s -o "$WORK/bundle.json" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GW/api/bundles/$BUNDLE"
  STATUS=$(grep -o '"state":"[A-Z]*"' "$WORK/bundle.json" | cut -d'"' -f4)
  [ "$STATUS" = READY ] || [ "$STATUS" = FAILED ] && break
  sleep 0.5
done
BUILD=$(since "$BUILD_START")
[ "$STATUS" = READY ] || { echo "the bundle is $STATUS: $(cat "$WORK/bundle.json")"; exit 1; }
TOKEN=$(token auditor-wang)
DOWNLOAD_START=$(seconds)
curl -sf -H "Authorization: Bearer $TOKEN" -o "$WORK/bundle.zip" "http://127.0.0.1:$GW/api/bundles/$BUNDLE/content"
DOWNLOAD=$(since "$DOWNLOAD_START")
ZIP_BYTES=$(stat -c %s "$WORK/bundle.zip")
SHA=$(sha256sum < "$WORK/bundle.zip" | cut -d' ' -f1)
grep -q "\"sha256\":\"$SHA\"" "$WORK/bundle.json" || { echo "the download's SHA-256 is not the bundle's"; exit 1; }
VERIFY_START=$(seconds)
java -Xmx256m -jar bundle-verifier/target/bundle-verifier.jar "$WORK/bundle.zip" > "$WORK/verifier.txt" \
  || { cat "$WORK/verifier.txt"; exit 1; }
VERIFY=$(since "$VERIFY_START")
TASKS_IN=$(grep -o '"tasks":[0-9]*' "$WORK/bundle.json" | cut -d: -f2)
FILES_IN=$(grep -o '"files":[0-9]*' "$WORK/bundle.json" | cut -d: -f2)

FAILED=0
OOM=$(grep -l "OutOfMemoryError" "$WORK"/state/logs/*.log 2>/dev/null | xargs -r -n1 basename | tr "\n" " " || true)
[ -z "$OOM" ] && [ "$(find "$WORK" -maxdepth 1 -name '*.hprof' | wc -l)" = 0 ] || FAILED=1
# "[..][info][gc] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 60M->20M(128M) 3.1ms"
read -r PEAK LIVE FULL < <(awk '/->/ { split($0, a, " "); for (i in a) if (a[i] ~ /->/) { split(a[i], m, /->|\(/);
    b = m[1] + 0; f = m[2] + 0; if (b > peak) peak = b; if (f > live) live = f; if ($0 ~ /Pause Full/) full++ } }
    END { printf "%d %d %d\n", peak, live, full }' "$WORK/tasks-service-gc.log")
mib() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }
rate() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1048576 / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
VERDICT=$([ $FAILED = 0 ] && echo "READY, the download's SHA-256 the bundle's, the offline verifier finding it valid, no OutOfMemoryError" \
  || echo "**FAILED**: an OutOfMemoryError ($OOM)")
cat > bench/RESULTS-bundle.md <<EOF
# A county's evidence bundle

Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`bench/bundle.sh\`: the demo county with $TASKS more tasks (two or
three timeline lines each) and $FILES files of $SIZE_MIB MiB attached to them ($(mib "$EVIDENCE_BYTES") MiB of evidence in
PostgreSQL, the default store), every service and the gateway at -Xmx$HEAP, on $(nproc) cores
($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), everything on one machine; $VERDICT.
The bundle held $TASKS_IN tasks and $FILES_IN listed files; its ZIP was $(mib "$ZIP_BYTES") MiB.
It holds the ledger, every task with its timeline and evidence files, the timelines' hash chain from its anchoring
checkpoint, and the agreements' and units' parts, asked of agreements-service and units-service with the auditor's token.

| step | seconds | MiB/s of evidence | ÷ copy out of PostgreSQL | ÷ copy on disk |
|---|---|---|---|---|
| bundle built (POST → READY, polled every 0.5 s) | $BUILD | $(rate "$EVIDENCE_BYTES" "$BUILD") | **$(ratio "$BUILD" "$COPY_DB")** | $(ratio "$BUILD" "$COPY_DISK") |
| bundle downloaded through the gateway | $DOWNLOAD | $(rate "$ZIP_BYTES" "$DOWNLOAD") | $(ratio "$DOWNLOAD" "$COPY_DB") | $(ratio "$DOWNLOAD" "$COPY_DISK") |
| bundle verified offline (\`bundle-verifier.jar\`, -Xmx256m) | $VERIFY | $(rate "$ZIP_BYTES" "$VERIFY") | $(ratio "$VERIFY" "$COPY_DB") | $(ratio "$VERIFY" "$COPY_DISK") |
| reference: the evidence's slices copied out of PostgreSQL (\`psql \\copy\`, binary) | $COPY_DB | $(rate "$EVIDENCE_BYTES" "$COPY_DB") | 1 | |
| reference: the source files concatenated on disk, synced | $COPY_DISK | $(rate "$EVIDENCE_BYTES" "$COPY_DISK") | | 1 |
| (uploading the files through the gateway, one after another) | $UPLOAD | $(rate "$EVIDENCE_BYTES" "$UPLOAD") | | |

A ratio is the step's time over the reference's: how many times longer than copying the same bytes.
tasks-service's heap over the whole run, from its GC log: peak in use before a collection **$PEAK MiB**, most still
in use after one $LIVE MiB, full collections $FULL (of a -Xmx$HEAP heap).
EOF
cat bench/RESULTS-bundle.md
[ $FAILED = 0 ] || { echo "the bundle benchmark FAILED (logs: $BENCH_LOGS)"; exit 1; }
