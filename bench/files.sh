#!/usr/bin/env bash
# Files through the gateway with every service (and the gateway) at -Xmx128m: ten 50 MiB uploads at once, as
# one multipart request each and as tus uploads, then ten downloads at once, each checked by its SHA-256;
# the same done one at a time. Throughput is a ratio of a plain HTTP file copy over loopback measured in the
# same run (curl to nginx: PUT for uploads, GET for downloads, with the same files and the same concurrency).
# Memory: every service's GC log (heap after each collection) and the JVM's own count of direct buffers and
# other native allocations, sampled during the transfers; an OutOfMemoryError anywhere fails the run.
# Writes bench/RESULTS-files.md. Needs nginx (installed with apt when run as root) and curl.
#   bench/files.sh
#   FILES=4 SIZE_MIB=20 bench/files.sh
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${FILES:-10}
SIZE_MIB=${SIZE_MIB:-50}
HEAP=${HEAP:-128m}
# clear of the normal run (offset 0), bench/run.sh (12000) and the end-to-end run (20000)
OFFSET=13000
GW=$((8080 + OFFSET)); KC=$((18080 + OFFSET)); NGINX=$((8090 + OFFSET))
WORK=$(mktemp -d /tmp/tuanjie-files.XXXXXX)
BENCH_LOGS=${BENCH_LOGS:-/tmp/tuanjie-files-logs}

need() { command -v "$1" >/dev/null 2>&1; }
if [ "$(id -u)" = 0 ] && ! need nginx; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light) >/dev/null
fi
for tool in nginx curl sha256sum jcmd; do need $tool || { echo "missing $tool"; exit 2; }; done
source bench/suite-jars.sh

cleanup() {
  [ -n "${SAMPLER:-}" ] && kill "$SAMPLER" 2>/dev/null || true
  [ -n "${LAUNCHER:-}" ] && kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$BENCH_LOGS" && mkdir -p "$BENCH_LOGS"
  cp -r "$WORK"/state/logs/. "$WORK"/*.log "$WORK"/*.txt "$BENCH_LOGS"/ 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "making $FILES files of $SIZE_MIB MiB (MP4: a ftyp box, then random bytes)"
mkdir -p "$WORK/files" "$WORK/got" "$WORK/dav"
for i in $(seq 1 "$FILES"); do
  { printf '\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom'
    head -c $((SIZE_MIB * 1048576 - 24)) /dev/urandom; } > "$WORK/files/$i.mp4"
done
(cd "$WORK/files" && sha256sum -- *.mp4) > "$WORK/sums.txt"
BYTES=$((SIZE_MIB * 1048576))

echo "starting the suite at -Xmx$HEAP per service (log: $WORK/suite.log)"
# -Xlog: heap before and after every collection; NMT: the direct buffers Netty and the JDK hold
TUANJIE_AOT=off TUANJIE_PORT_OFFSET=$OFFSET TUANJIE_STATE=$WORK/state TUANJIE_KEYCLOAK_HOME=$KC_HOME TUANJIE_SERVICE_HEAP=$HEAP \
  TUANJIE_SERVICE_JVM_OPTIONS="-Xlog:gc:file=$WORK/{service}-gc.log -XX:NativeMemoryTracking=summary -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=$WORK/{service}.hprof" \
  GATEWAY_RATE_PER_SECOND=1000000 GATEWAY_RATE_BURST=1000000 GATEWAY_APP_RATE_PER_SECOND=1000000 GATEWAY_APP_RATE_BURST=1000000 \
  java -jar deploy/launcher/target/launcher.jar > "$WORK/suite.log" 2>&1 &
LAUNCHER=$!
for _ in $(seq 1 400); do grep -q "Tuanjie is running" "$WORK/suite.log" && break; sleep 1; done
grep -q "Tuanjie is running" "$WORK/suite.log" || { cat "$WORK/suite.log"; exit 1; }
pid_of() { pgrep -f -- "-Xlog:gc:file=$WORK/$1-gc.log" | head -1; }
SERVICES="units-service tasks-service agreements-service gateway"
token() {
  curl -s -d grant_type=password -d client_id=tuanjie-cli -d username=education-liaison -d password=demo-2026 \
    "http://127.0.0.1:$KC/realms/unity/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

cat > "$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/dav-tmp;
  server {
    listen 127.0.0.1:$NGINX;
    client_max_body_size 0;
    location / { root $WORK/dav; dav_methods PUT; create_full_put_path on; }
  }
}
NGINX
mkdir -p "$WORK/dav-tmp"
# run as root, nginx's workers are "nobody": they write the copies and read them back
chmod 755 "$WORK" "$WORK/files" && chmod 777 "$WORK/dav" "$WORK/dav-tmp" && chmod 644 "$WORK"/files/*
nginx -c "$WORK/nginx.conf"

# native memory of each JVM, every half second, while transfers run: "<service> <direct+other KiB>"
sample() {
  while true; do
    for s in $SERVICES; do
      pid=$(pid_of "$s")
      [ -n "$pid" ] && jcmd "$pid" VM.native_memory summary 2>/dev/null \
        | awk -v s="$s" '/^-[ ]+Other \(/ { sub(/.*committed=/, ""); sub(/KB.*/, ""); print s, $0 }'
    done
    sleep 0.5
  done
}
sample > "$WORK/native.txt" &
SAMPLER=$!

# runs "$@" with {} replaced by 1..N, N at once (or one after another with SERIAL=1); prints MiB/s overall
transfer() {
  local n=$1; shift
  local start end
  start=$(date +%s.%N)
  if [ "${SERIAL:-0}" = 1 ]; then
    for i in $(seq 1 "$n"); do "$@" "$i"; done
  else
    for i in $(seq 1 "$n"); do "$@" "$i" & done
    wait
  fi
  end=$(date +%s.%N)
  awk -v b=$((BYTES * n)) -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", b / 1048576 / (e - s) }'
}

copy_up() { curl -sf -T "$WORK/files/$1.mp4" "http://127.0.0.1:$NGINX/$1.mp4" -o /dev/null; }
copy_down() { curl -sf "http://127.0.0.1:$NGINX/$1.mp4" -o "$WORK/got/copy-$1"; }
multipart_up() {
  curl -s -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/files/$1.mp4;type=video/mp4" \
    -w '%{http_code}' -o "$WORK/multipart-$1.json" "http://127.0.0.1:$GW/api/evidence" > "$WORK/multipart-$1.code"
}
tus_up() {
  local location
  # the upload's id is the last segment of Location; PATCH it through the gateway
  location=$(curl -s -D - -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H "Tus-Resumable: 1.0.0" \
    -H "Upload-Length: $BYTES" -H "Upload-Metadata: filename $(printf 'tus-%s.mp4' "$1" | base64)" \
    "http://127.0.0.1:$GW/api/evidence/uploads" | awk 'tolower($1) == "location:" { print $2 }' | tr -d '\r')
  location="http://127.0.0.1:$GW/api/evidence/uploads/${location##*/}"
  curl -s -D "$WORK/tus-$1.headers" -o /dev/null -X PATCH -H "Authorization: Bearer $TOKEN" \
    -H "Tus-Resumable: 1.0.0" -H "Upload-Offset: 0" -H "Content-Type: application/offset+octet-stream" \
    -T "$WORK/files/$1.mp4" -w '%{http_code}' "$location" > "$WORK/tus-$1.code"
}
download() {
  local id
  id=$(grep -o '"id":"[^"]*"' "$WORK/multipart-$1.json" | head -1 | cut -d'"' -f4)
  curl -s -H "Authorization: Bearer $TOKEN" -w '%{http_code}' -o "$WORK/got/$1.mp4" \
    "http://127.0.0.1:$GW/api/evidence/$id/content" > "$WORK/download-$1.code"
}
# every answer as expected, and every file stored and read back whole
check_codes() {
  local what=$1 want=$2 bad=0
  for i in $(seq 1 "$FILES"); do
    [ "$(cat "$WORK/$what-$i.code")" = "$want" ] || { echo "$what $i: $(cat "$WORK/$what-$i.code")"; bad=1; }
  done
  return $bad
}
check_sums() {
  local bad=0 i sum
  for i in $(seq 1 "$FILES"); do
    sum=$(grep " $i.mp4\$" "$WORK/sums.txt" | cut -d' ' -f1)
    case $1 in
      multipart) grep -q "\"sha256\":\"$sum\"" "$WORK/multipart-$i.json" || { echo "multipart $i: wrong hash"; bad=1; } ;;
      download) [ "$(sha256sum < "$WORK/got/$i.mp4" | cut -d' ' -f1)" = "$sum" ] || { echo "download $i: wrong bytes"; bad=1; } ;;
      copy) [ "$(sha256sum < "$WORK/dav/$i.mp4" | cut -d' ' -f1)" = "$sum" ] || { echo "copy $i: wrong bytes"; bad=1; } ;;
    esac
  done
  return $bad
}

FAILED=0
echo "warming up: one file each way"
TOKEN=$(token)
SERIAL=1 transfer 1 multipart_up >/dev/null; SERIAL=1 transfer 1 download >/dev/null; SERIAL=1 transfer 1 tus_up >/dev/null
SERIAL=1 transfer 1 copy_up >/dev/null; SERIAL=1 transfer 1 copy_down >/dev/null

for mode in parallel serial; do
  [ $mode = serial ] && export SERIAL=1 || export SERIAL=0
  echo "$mode: plain copies, multipart uploads, tus uploads, downloads"
  TOKEN=$(token)
  rm -f "$WORK"/dav/*.mp4
  COPY_UP=$(transfer "$FILES" copy_up); check_sums copy || FAILED=1
  MULTIPART=$(transfer "$FILES" multipart_up); check_codes multipart 201 && check_sums multipart || FAILED=1
  TUS=$(transfer "$FILES" tus_up); check_codes tus 204 || FAILED=1
  COPY_DOWN=$(transfer "$FILES" copy_down)
  DOWN=$(transfer "$FILES" download); check_codes download 200 && check_sums download || FAILED=1
  printf -v "RESULT_$mode" '%s %s %s %s %s' "$COPY_UP" "$MULTIPART" "$TUS" "$COPY_DOWN" "$DOWN"
  echo "  copy up $COPY_UP, multipart $MULTIPART, tus $TUS, copy down $COPY_DOWN, download $DOWN MiB/s"
done
kill "$SAMPLER" 2>/dev/null; SAMPLER=

# memory: any OutOfMemoryError, the heap's peak before and low after collections, native peaks, RSS
OOM=$(grep -l "OutOfMemoryError\|OutOfDirectMemoryError" "$WORK"/state/logs/*.log 2>/dev/null | xargs -r -n1 basename | tr "\n" " " || true)
DUMPS=$(find "$WORK" -maxdepth 1 -name "*.hprof" | wc -l)
[ -z "$OOM" ] && [ "$DUMPS" = 0 ] || FAILED=1
memory_row() {
  local s=$1 pid
  pid=$(pid_of "$s")
  # "[..][info][gc] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 60M->20M(128M) 3.1ms"
  awk -v s="$s" '
    /->/ { split($0, a, " "); for (i in a) if (a[i] ~ /->/) { split(a[i], m, /->|\(/); b = m[1] + 0; f = m[2] + 0;
      if (b > peak) peak = b; if (f > live) live = f; if ($0 ~ /Pause Full/) full++ } }
    END { printf "| %s | %d | %d | %d", s, peak, live, full }' "$WORK/$s-gc.log"
  awk -v s="$s" '$1 == s { k = $2 / 1024; if (k > max) max = k } END { printf " | %.0f", max }' "$WORK/native.txt"
  printf ' | %.0f |\n' "$(( $(awk '/VmRSS/ { print $2 }' /proc/"$pid"/status) / 1024 ))"
}
MEMORY=$(for s in $SERVICES; do memory_row "$s"; done)

read -r P_COPY_UP P_MULTIPART P_TUS P_COPY_DOWN P_DOWN <<<"$RESULT_parallel"
read -r S_COPY_UP S_MULTIPART S_TUS S_COPY_DOWN S_DOWN <<<"$RESULT_serial"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
VERDICT=$([ $FAILED = 0 ] && echo "every status as expected, every SHA-256 right, no OutOfMemoryError" \
  || echo "**FAILED**: see the run's output")
cat > bench/RESULTS-files.md <<EOF
# Files through the gateway

Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`bench/files.sh\`: $FILES files of $SIZE_MIB MiB (MP4), every service
and the gateway at -Xmx$HEAP, PostgreSQL storage (the default), on $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)),
everything on one machine; $VERDICT.
The plain copy is curl to nginx over loopback (PUT written to disk, GET read from it), same files, same concurrency.

| transfer | $FILES at once, MiB/s | ÷ plain copy | one at a time, MiB/s | ÷ plain copy |
|---|---|---|---|---|
| upload, one multipart request each | $P_MULTIPART | **$(ratio "$P_MULTIPART" "$P_COPY_UP")** | $S_MULTIPART | $(ratio "$S_MULTIPART" "$S_COPY_UP") |
| upload, tus (POST, then one PATCH) | $P_TUS | **$(ratio "$P_TUS" "$P_COPY_UP")** | $S_TUS | $(ratio "$S_TUS" "$S_COPY_UP") |
| plain copy up (nginx PUT) | $P_COPY_UP | 1 | $S_COPY_UP | 1 |
| download | $P_DOWN | **$(ratio "$P_DOWN" "$P_COPY_DOWN")** | $S_DOWN | $(ratio "$S_DOWN" "$S_COPY_DOWN") |
| plain copy down (nginx GET) | $P_COPY_DOWN | 1 | $S_COPY_DOWN | 1 |

Memory over the whole run, in MiB: the heap from the GC log (the most in use when a collection began, and
the most still in use after one: what the transfers kept alive), full collections, the JVM's "Other" native
memory (where direct buffers are counted) at its peak among samples taken all along (jcmd, a round of the
four processes every few seconds), and RSS at the end:

| process | heap peak | live after a collection, most | full GCs | direct and other native, peak | RSS |
|---|---|---|---|---|---|
$MEMORY
EOF
cat bench/RESULTS-files.md
[ $FAILED = 0 ] || { echo "the file benchmark FAILED (logs: $BENCH_LOGS)"; exit 1; }
