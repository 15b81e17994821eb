#!/usr/bin/env bash
# What a liaison's phone pays for its morning sync, through the gateway with real tokens: the first sync on a new
# phone (cold: units, dossier, tasks and the inbox from no cursor), the sync of a phone that holds everything and
# nothing changed (warm), the same after one urging, and a 100-task page as plain JSON, gzip and brotli, then
# revalidated with If-None-Match. Bytes are what the gateway sends back (headers and body, as curl counts them) and
# what the phone sends (its request, the bearer token included). Writes bench/RESULTS-sync.md.
#   bench/sync.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# clear of the normal run (offset 0), bench/run.sh (12000), bench/files.sh (13000), webhooks (13500), e2e (14000)
OFFSET=12500
GW=$((8080 + OFFSET)); KC=$((18080 + OFFSET))
WORK=$(mktemp -d /tmp/tuanjie-sync.XXXXXX)

need() { command -v "$1" >/dev/null 2>&1; }
for tool in curl python3; do need $tool || { echo "missing $tool"; exit 2; }; done
curl --version | grep -q brotli || echo "note: this curl cannot decode brotli; bytes are counted as sent, undecoded"
source bench/suite-jars.sh

cleanup() {
  [ -n "${LAUNCHER:-}" ] && kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "starting the suite with the demo county (log: $WORK/suite.log)"
TUANJIE_AOT=off TUANJIE_PORT_OFFSET=$OFFSET TUANJIE_STATE=$WORK/state TUANJIE_KEYCLOAK_HOME=$KC_HOME \
  java -jar deploy/launcher/target/launcher.jar > "$WORK/suite.log" 2>&1 &
LAUNCHER=$!
for _ in $(seq 1 400); do grep -q "Tuanjie is running" "$WORK/suite.log" && break; sleep 1; done
grep -q "Tuanjie is running" "$WORK/suite.log" || { cat "$WORK/suite.log"; exit 1; }

token() {
  curl -s -d grant_type=password -d client_id=tuanjie-cli -d "username=$1" -d password=demo-2026 \
    "http://127.0.0.1:$KC/realms/unity/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
ADMIN=$(token office-admin)
LIAISON=$(token education-liaison)
UNIT_CODE=$(python3 -c 'import base64,json,sys; p=sys.argv[1].split(".")[1]; print(json.loads(base64.urlsafe_b64decode(p+"="*(-len(p)%4)))["unit_code"])' "$LIAISON")
UNIT_ID=$(curl -s -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$GW/api/v1/units/by-code/$UNIT_CODE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

echo "the county assigns 100 tasks to the liaison's unit ($UNIT_CODE)"
DEADLINE=$(date -d '+20 days' +%F)
for n in $(seq 1 100); do
  curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"unitId\":\"$UNIT_ID\",\"category\":\"PUBLICITY\",\"title\":\"整改：校园民族团结进步宣传栏缺少藏汉双语内容（第 $n 处）\",\"measures\":\"制作藏汉双语宣传栏，补充宣传活动记录和照片\",\"responsiblePerson\":\"陈静\",\"deadline\":\"$DEADLINE\"}" \
    "http://127.0.0.1:$GW/api/v1/tasks" | grep -q 201 || { echo "could not assign a task"; exit 1; }
done

# bytes of one exchange: response (headers + body as sent) and request; the body is kept for its cursor
exchange() { # token encoding url [if-none-match] -> "response request status" and $WORK/body, $WORK/headers
  local extra=()
  [ -n "${4:-}" ] && extra=(-H "If-None-Match: $4")
  curl -s -D "$WORK/headers" -o "$WORK/body" -H "Authorization: Bearer $1" -H "Accept-Encoding: $2" "${extra[@]}" \
    -w '%{size_header} %{size_download} %{size_request} %{http_code}' "$3" \
    | awk '{ print $1 + $2, $3, $4 }'
}
FEEDS=(units/changes dossier/changes tasks/changes tasks/inbox)
declare -A CURSOR
sync_bytes() { # encoding, cold or warm -> DOWN, UP (totals); keeps the new cursors (runs in this shell)
  local encoding=$1 warm=$2 d u s
  DOWN=0; UP=0
  for feed in "${FEEDS[@]}"; do
    local url="http://127.0.0.1:$GW/api/v1/$feed?limit=500"
    [ "$warm" = warm ] && url="$url&cursor=${CURSOR[$feed]}"
    exchange "$LIAISON" "$encoding" "$url" > "$WORK/counted"
    read -r d u s < "$WORK/counted"
    [ "$s" = 200 ] || { echo "$feed answered $s"; exit 1; }
    DOWN=$((DOWN + d)); UP=$((UP + u))
    # the cursor, read from the same answer asked again uncompressed (not counted)
    exchange "$LIAISON" identity "$url" > /dev/null
    CURSOR[$feed]=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["cursor"])' "$WORK/body")
  done
}
sync_bytes identity cold; COLD_PLAIN=$DOWN; COLD_UP=$UP
sync_bytes gzip cold; COLD_GZIP=$DOWN
sync_bytes "br, gzip" cold; COLD_BR=$DOWN
# whatever happened meanwhile (the hourly deadline check's first run, the unit feed) is taken first, then measured
sync_bytes "br, gzip" warm; SETTLE_BR=$DOWN
sync_bytes "br, gzip" warm; WARM_BR=$DOWN; WARM_UP=$UP
TASK=$(curl -s -H "Authorization: Bearer $LIAISON" "http://127.0.0.1:$GW/api/v1/tasks?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"message":"请于本周内提交整改材料"}' "http://127.0.0.1:$GW/api/v1/tasks/$TASK/urgings"
sync_bytes "br, gzip" warm; URGED_BR=$DOWN

PAGE="http://127.0.0.1:$GW/api/v1/tasks?limit=100"
read -r PAGE_PLAIN _ _ < <(exchange "$LIAISON" identity "$PAGE")
PAGE_BODY=$(stat -c %s "$WORK/body")
ITEMS=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$WORK/body")
read -r PAGE_GZIP _ _ < <(exchange "$LIAISON" gzip "$PAGE")
PAGE_GZIP_BODY=$(stat -c %s "$WORK/body")
read -r PAGE_BR _ _ < <(exchange "$LIAISON" "br, gzip" "$PAGE")
PAGE_BR_BODY=$(stat -c %s "$WORK/body")
TAG=$(grep -i '^etag:' "$WORK/headers" | tr -d '\r' | cut -d' ' -f2-)
read -r PAGE_304 _ STATUS_304 < <(exchange "$LIAISON" "br, gzip" "$PAGE" "$TAG")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
kb() { awk -v a="$1" 'BEGIN { printf "%.1f KB", a / 1024 }'; }
cat > bench/RESULTS-sync.md <<MD
# A liaison's morning sync: bytes through the gateway

Measured by \`bench/sync.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC ($(nproc) cores, $(java -version 2>&1 | head -1)), with the
demo county and 100 more tasks assigned to the liaison's unit (education-liaison, $UNIT_CODE). A sync is four
calls: \`units/changes\`, \`dossier/changes\`, \`tasks/changes\` and \`tasks/inbox\` (limit 500). Bytes received are
the gateway's answers, headers included; bytes sent are the phone's requests, its bearer token included.

| | received | sent |
|---|---|---|
| first sync on a new phone (cold), plain JSON | $(kb "$COLD_PLAIN") | $(kb "$COLD_UP") |
| cold, gzip | $(kb "$COLD_GZIP") | |
| cold, brotli | $(kb "$COLD_BR") | |
| a sync soon after (the deadline check had run meanwhile), brotli | $(kb "$SETTLE_BR") | |
| next morning, nothing changed (warm, brotli) | $(kb "$WARM_BR") | $(kb "$WARM_UP") |
| after one urging (warm, brotli) | $(kb "$URGED_BR") | |

A page of $ITEMS tasks (\`GET /api/v1/tasks?limit=100\`):

| | body | with headers |
|---|---|---|
| plain JSON | $(kb "$PAGE_BODY") | $(kb "$PAGE_PLAIN") |
| gzip | $(kb "$PAGE_GZIP_BODY") | $(kb "$PAGE_GZIP") |
| brotli | $(kb "$PAGE_BR_BODY") | $(kb "$PAGE_BR") |
| asked again with its ETag (status $STATUS_304) | 0 | $(kb "$PAGE_304") |

| ratio | |
|---|---|
| **gzip ÷ plain, task page body** | **$(ratio "$PAGE_GZIP_BODY" "$PAGE_BODY")** |
| **brotli ÷ plain, task page body** | **$(ratio "$PAGE_BR_BODY" "$PAGE_BODY")** |
| **warm ÷ cold sync received (brotli)** | **$(ratio "$WARM_BR" "$COLD_BR")** |
| cold brotli ÷ cold plain | $(ratio "$COLD_BR" "$COLD_PLAIN") |
MD
cat bench/RESULTS-sync.md
[ "$STATUS_304" = 304 ] || { echo "the page was not revalidated"; exit 1; }
