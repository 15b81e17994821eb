#!/usr/bin/env bash
# Ours beside what a county vendor would otherwise build it with (bench/peer: Spring Boot 4, Spring Data JPA, Spring
# Security's resource server, Spring Cloud Gateway), and the cost of a request against the thing it wraps, on JDK 17
# and on JDK 25. Both sides of every ratio come from the same run, on the same PostgreSQL rows and the same Keycloak
# tokens. Starts its own suite (for the database, Keycloak and the demo county), then, on each JDK, starts alone:
# our units-service and gateway, the peer's units service and gateway, the bare JDBC app (bench/bare-app) and nginx.
# Writes bench/RESULTS-peers.md (PEERS_RESULTS: another file; bench/run.sh puts it into bench/RESULTS.md).
#   bench/peers.sh
#   DURATION=20 bench/peers.sh          seconds per throughput measurement (default 10)
#   JDKS="25" bench/peers.sh            only one JDK
# Ours on JDK 17 is this checkout compiled for release 17 (the shipped build targets 25 and does not load on 17).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
# requests per second held while process CPU is read: below what the slowest side (the peer's gateway, with the
# peer's service behind it) serves on two shared cores, so that every side is measured at the same rate
CPU_RATE=${CPU_RATE:-300}
CPU_SECONDS=${CPU_SECONDS:-20}
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDKS=${JDKS:-17 25}
# clear of bench/run.sh (12000), sync (12500), files (13000), webhooks (13500) and the end-to-end run (14000)
OFFSET=12200
GW=$((8080 + OFFSET)); UNITS=$((8081 + OFFSET)); PG=$((15432 + OFFSET)); KC=$((18080 + OFFSET))
P_OURS=$((8100 + OFFSET)); P_PEER=$((8101 + OFFSET)); P_BARE=$((8102 + OFFSET))
P_OURS_GW=$((8103 + OFFSET)); P_PEER_GW=$((8104 + OFFSET)); P_NGINX=$((8105 + OFFSET)); P_MGMT=$((8106 + OFFSET))
WORK=$(mktemp -d /tmp/tuanjie-peers.XXXXXX)

need() { command -v "$1" >/dev/null 2>&1; }
if [ "$(id -u)" = 0 ] && { ! need wrk || ! need nginx || ! need h2load; }; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light nghttp2-client) >/dev/null
fi
for tool in wrk nginx npm node curl jcmd; do need $tool || { echo "missing $tool"; exit 2; }; done
source bench/suite-jars.sh
JDK25=$JAVA_HOME
[ -x "$JDK17/bin/java" ] || { echo "no JDK 17 at $JDK17 (set JDK17, or JDKS=25)"; exit 2; }

STARTED=()
stop_started() {
  for pid in "${STARTED[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  STARTED=()
  [ -f "$WORK/nginx.pid" ] && nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  rm -f "$WORK/nginx.pid"
}
cleanup() {
  stop_started
  [ -n "${LAUNCHER:-}" ] && kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null || true
  mkdir -p /tmp/tuanjie-peers-logs && cp "$WORK"/*.log /tmp/tuanjie-peers-logs/ 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
# the fixed-rate load: autocannon (node), installed once. h2load reads no status from Tomcat's status line, which has
# no reason phrase ("HTTP/1.1 200 "), and counted every answer of the peer's service as failed
npm install --silent --no-audit --no-fund --prefix "$WORK/node" autocannon@8 >/dev/null
AUTOCANNON=$WORK/node/node_modules/.bin/autocannon

echo "building: the peers, the bare app, and ours for release 17"
[ "${BUILD:-1}" = 0 ] || bench/peer/build.sh >/dev/null
PEER_UNITS_JAR=$(ls bench/peer/units/target/peer-units-*.jar | head -1)
PEER_GW_JAR=$(ls bench/peer/gateway/target/peer-gateway-*.jar | head -1)
[ "${BUILD:-1}" = 0 ] || ./mvnw -q -B -f bench/bare-app/pom.xml -DskipTests package
# this checkout as committed, compiled for 17: the same code on the older runtime (OURS17: a folder built so before)
SRC17=${OURS17:-$WORK/src17}
if [[ " $JDKS " == *" 17 "* ]] && [ -z "${OURS17:-}" ]; then
  mkdir -p "$SRC17" && git archive HEAD | tar -x -C "$SRC17"
  (cd "$SRC17" && ./mvnw -q -B -pl units-service,gateway -am -DskipTests -Dmaven.compiler.release=17 package)
fi
ours_jar() { # $1 = units-service | gateway, $2 = JDK
  if [ "$2" = 17 ]; then echo "$SRC17/$1/target/quarkus-app/quarkus-run.jar"; else echo "$1/target/quarkus-app/quarkus-run.jar"; fi
}

echo "starting the suite for its database, Keycloak and demo county (log: $WORK/suite.log)"
TUANJIE_AOT=off TUANJIE_PORT_OFFSET=$OFFSET TUANJIE_STATE=$WORK/state TUANJIE_KEYCLOAK_HOME=$KC_HOME \
  GATEWAY_RATE_PER_SECOND=1000000 GATEWAY_RATE_BURST=1000000 GATEWAY_APP_RATE_PER_SECOND=1000000 GATEWAY_APP_RATE_BURST=1000000 \
  java -jar deploy/launcher/target/launcher.jar > "$WORK/suite.log" 2>&1 &
LAUNCHER=$!
for _ in $(seq 1 300); do grep -q "Tuanjie is running" "$WORK/suite.log" && break; sleep 1; done
grep -q "Tuanjie is running" "$WORK/suite.log" || { cat "$WORK/suite.log"; exit 1; }
ISSUER=http://127.0.0.1:$KC/realms/unity
token() {
  curl -s -d grant_type=password -d client_id=tuanjie-cli -d username="$1" -d password=demo-2026 \
    "$ISSUER/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
TOKEN=$(token office-admin)
AUTH="Authorization: Bearer $TOKEN"
UNIT=$(curl -s -H "$AUTH" "http://127.0.0.1:$GW/api/units/by-code/513330000000" | sed -E 's/.*"id":"([^"]+)".*/\1/')
DB_URL=jdbc:postgresql://127.0.0.1:$PG/units
# the suite's own services idle from here on: each side below is a process of its own

source bench/nginx-proxy.sh
nginx_proxy "$WORK/nginx.conf" $P_NGINX $P_OURS

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else print "n/a" }'; }
verdict() {
  awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { if (v !~ /^[0-9.]+$/) { print "not measured"; exit }
    ok = (op == ">=" ? v >= t : v <= t); print (ok ? "meets" : "misses") }'
}
# requests per second answered 2xx or 3xx: wrk counts every answer, and a refusal is no request served
rps() {
  wrk -t2 -c"$CONNECTIONS" -d"${2:-$DURATION}s" -H "$AUTH" "$1" | awk '
    / requests in / { n = $1; t = $4; sub(/s,?$/, "", t) } /Non-2xx or 3xx responses:/ { bad = $NF }
    END { if (t > 0) printf "%.2f", (n - bad) / t; else print 0 }'
}
rss() { ps -o rss= -p "$1" | awk '{printf "%d", $1 / 1024}'; }
# RSS (MiB) once a full GC has given back what the load left behind
rss_gc() { jcmd "$1" GC.run >/dev/null 2>&1; sleep 1; rss "$1"; }
# clock ticks of user + system CPU of a process and its children (nginx: master and worker)
ticks() {
  local total=0 pid
  for pid in "$@" $(for p in "$@"; do pgrep -P "$p"; done); do
    total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat") ))
  done
  echo $total
}
HZ=$(getconf CLK_TCK)
# CPU milliseconds per 2xx answer of the processes $2.. while autocannon holds CPU_RATE req/s on URL $1 for
# CPU_SECONDS; n/a when anything else came back or the side did not keep up with the rate (90 % of it answered)
cpu_per_request() {
  local url=$1; shift
  local before after ok bad log
  log=$WORK/cpu-$(sed -E 's/.*:([0-9]+)\/.*/\1/' <<<"$url")-$jdk.json
  before=$(ticks "$@")
  "$AUTOCANNON" -j -c "$CONNECTIONS" -d "$CPU_SECONDS" --overallRate "$CPU_RATE" -H "$AUTH" "$url" > "$log" 2>/dev/null
  after=$(ticks "$@")
  ok=$(sed -E 's/.*"2xx":([0-9]+).*/\1/' "$log")
  bad=$(( $(sed -E 's/.*"non2xx":([0-9]+).*/\1/' "$log") + $(sed -E 's/.*"errors":([0-9]+).*/\1/' "$log") ))
  if [ "$bad" != 0 ] || [ "$ok" -lt $(( CPU_RATE * CPU_SECONDS * 9 / 10 )) ]; then
    echo "measuring $url: $ok answered 2xx, $bad others or errors" >&2; echo n/a; return
  fi
  awk -v t=$(( after - before )) -v hz="$HZ" -v n="$ok" 'BEGIN { printf "%.3f", t * 1000 / hz / n }'
}
# starts a jar on JDK $1 with env $3.. and waits for the first 200 of GET $2 with the token; prints "<pid> <ms>"
start() {
  local jdk=$1 url=$2; shift 2
  local java=$JDK25/bin/java flags=(-Xmx384m -XX:+UseCompactObjectHeaders) jar=${!#} begin pid
  if [ "$jdk" = 17 ]; then java=$JDK17/bin/java; flags=(-Xmx384m); fi
  flags+=(${JVM_EXTRA:-})
  begin=$(date +%s%N)
  env "${@:1:$#-1}" "$java" "${flags[@]}" -jar "$jar" > "$WORK/$(sed -E 's/.*:([0-9]+)\/.*/\1/' <<<"$url")-jdk$jdk.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$url")" = 200 ] && break
    kill -0 $pid 2>/dev/null || { echo "$jar exited" >&2; exit 1; }
    sleep 0.02
  done
  echo "$pid $(( ($(date +%s%N) - begin) / 1000000 ))"
}

OURS_ENV=(QUARKUS_HTTP_PORT=$P_OURS OIDC_AUTH_SERVER_URL=$ISSUER UNITS_DB_URL=$DB_URL UNITS_DB_USER=postgres UNITS_DB_PASSWORD=postgres)
PEER_ENV=(PEER_PORT=$P_PEER PEER_ISSUER=$ISSUER PEER_DB_URL=$DB_URL PEER_DB_USER=postgres PEER_DB_PASSWORD=postgres)
BARE_ENV=(QUARKUS_HTTP_PORT=$P_BARE BARE_DB_URL=$DB_URL BARE_DB_USER=postgres BARE_DB_PASSWORD=postgres)
OURS_GW_ENV=(QUARKUS_HTTP_PORT=$P_OURS_GW QUARKUS_MANAGEMENT_PORT=$P_MGMT OIDC_AUTH_SERVER_URL=$ISSUER
  UNITS_SERVICE_URL=http://127.0.0.1:$P_OURS TASKS_SERVICE_URL=http://127.0.0.1:$((8082 + OFFSET))
  AGREEMENTS_SERVICE_URL=http://127.0.0.1:$((8083 + OFFSET)) GATEWAY_RATE_PER_SECOND=1000000 GATEWAY_RATE_BURST=1000000 GATEWAY_APP_RATE_PER_SECOND=1000000 GATEWAY_APP_RATE_BURST=1000000)
PEER_GW_ENV=(PEER_GATEWAY_PORT=$P_PEER_GW PEER_ISSUER=$ISSUER PEER_UNITS_URL=http://127.0.0.1:$P_PEER
  PEER_RATE_PER_SECOND=1000000 PEER_RATE_BURST=1000000)

ROWS=()
for jdk in $JDKS; do
  echo "JDK $jdk: starting each side alone, one after the other"
  read -r OURS_PID OURS_T <<<"$(start $jdk "http://127.0.0.1:$P_OURS/units/$UNIT" "${OURS_ENV[@]}" "$(ours_jar units-service $jdk)")"
  STARTED+=("$OURS_PID")
  read -r PEER_PID PEER_T <<<"$(start $jdk "http://127.0.0.1:$P_PEER/units/$UNIT" "${PEER_ENV[@]}" "$PEER_UNITS_JAR")"
  STARTED+=("$PEER_PID")
  read -r BARE_PID BARE_T <<<"$(start $jdk "http://127.0.0.1:$P_BARE/units/$UNIT" "${BARE_ENV[@]}" bench/bare-app/target/quarkus-app/quarkus-run.jar)"
  STARTED+=("$BARE_PID")
  read -r OURS_GW_PID OURS_GW_T <<<"$(start $jdk "http://127.0.0.1:$P_OURS_GW/api/units/$UNIT" "${OURS_GW_ENV[@]}" "$(ours_jar gateway $jdk)")"
  STARTED+=("$OURS_GW_PID")
  read -r PEER_GW_PID PEER_GW_T <<<"$(start $jdk "http://127.0.0.1:$P_PEER_GW/api/units/$UNIT" "${PEER_GW_ENV[@]}" "$PEER_GW_JAR")"
  STARTED+=("$PEER_GW_PID")
  nginx -c "$WORK/nginx.conf"
  NGINX_PID=$(cat "$WORK/nginx.pid")

  S_OURS=http://127.0.0.1:$P_OURS/units/$UNIT; S_PEER=http://127.0.0.1:$P_PEER/units/$UNIT
  S_BARE=http://127.0.0.1:$P_BARE/units/$UNIT; G_OURS=http://127.0.0.1:$P_OURS_GW/api/units/$UNIT
  G_PEER=http://127.0.0.1:$P_PEER_GW/api/units/$UNIT; G_NGINX=http://127.0.0.1:$P_NGINX/api/units/$UNIT
  echo "JDK $jdk: warming every side (JIT), in turns"
  for _ in 1 2; do for url in "$S_OURS" "$S_PEER" "$S_BARE" "$G_OURS" "$G_PEER" "$G_NGINX"; do rps "$url" 10 >/dev/null; done; done

  echo "JDK $jdk: throughput, 2 rounds of ours, peer, peer, ours, for the service and through the gateway"
  SO=(); SP=(); GO=(); GP=()
  for _ in 1 2; do
    SO+=("$(rps "$S_OURS")"); SP+=("$(rps "$S_PEER")"); SP+=("$(rps "$S_PEER")"); SO+=("$(rps "$S_OURS")")
    GO+=("$(rps "$G_OURS")"); GP+=("$(rps "$G_PEER")"); GP+=("$(rps "$G_PEER")"); GO+=("$(rps "$G_OURS")")
  done
  BARE_RPS=$(rps "$S_BARE"); NGINX_RPS=$(rps "$G_NGINX")
  echo "JDK $jdk: memory after a full GC, under the same load just given"
  R_OURS=$(rss_gc $OURS_PID); R_PEER=$(rss_gc $PEER_PID); R_OURS_GW=$(rss_gc $OURS_GW_PID); R_PEER_GW=$(rss_gc $PEER_GW_PID)
  R_BARE=$(rss_gc $BARE_PID)

  echo "JDK $jdk: CPU per request at $CPU_RATE req/s for $CPU_SECONDS s"
  C_OURS=$(cpu_per_request "$S_OURS" $OURS_PID); C_PEER=$(cpu_per_request "$S_PEER" $PEER_PID)
  C_BARE=$(cpu_per_request "$S_BARE" $BARE_PID)
  # a gateway hop: the proxy's own process only (the service behind it is the same one for ours and nginx)
  C_OURS_GW=$(cpu_per_request "$G_OURS" $OURS_GW_PID); C_NGINX=$(cpu_per_request "$G_NGINX" $NGINX_PID)
  C_PEER_GW=$(cpu_per_request "$G_PEER" $PEER_GW_PID)
  stop_started

  S_RATIO=$(ratio "$(median "${SO[@]}")" "$(median "${SP[@]}")"); G_RATIO=$(ratio "$(median "${GO[@]}")" "$(median "${GP[@]}")")
  ROWS+=("| $jdk | service throughput, ours ÷ peer | $(median "${SO[@]}") ÷ $(median "${SP[@]}") req/s = **$S_RATIO** | ≥ 1.5 | $(verdict "$S_RATIO" 1.5 ">=") |")
  ROWS+=("| $jdk | through the gateway, ours ÷ peer | $(median "${GO[@]}") ÷ $(median "${GP[@]}") req/s = **$G_RATIO** | ≥ 1.5 | $(verdict "$G_RATIO" 1.5 ">=") |")
  T_S=$(ratio "$OURS_T" "$PEER_T"); T_G=$(ratio "$OURS_GW_T" "$PEER_GW_T")
  ROWS+=("| $jdk | time to first business response, service, ours ÷ peer | $OURS_T ÷ $PEER_T ms = **$T_S** | ≤ 0.5 | $(verdict "$T_S" 0.5 "<=") |")
  ROWS+=("| $jdk | time to first business response, gateway, ours ÷ peer | $OURS_GW_T ÷ $PEER_GW_T ms = **$T_G** | ≤ 0.5 | $(verdict "$T_G" 0.5 "<=") |")
  M_S=$(ratio "$R_OURS" "$R_PEER"); M_G=$(ratio "$R_OURS_GW" "$R_PEER_GW")
  ROWS+=("| $jdk | RSS after a full GC under the same load, service, ours ÷ peer | $R_OURS ÷ $R_PEER MiB = **$M_S** | ≤ 0.6 | $(verdict "$M_S" 0.6 "<=") |")
  ROWS+=("| $jdk | the same, gateway, ours ÷ peer | $R_OURS_GW ÷ $R_PEER_GW MiB = **$M_G** | ≤ 0.6 | $(verdict "$M_G" 0.6 "<=") |")
  C_G=$(ratio "$C_OURS_GW" "$C_NGINX"); C_S=$(ratio "$C_OURS" "$C_BARE")
  ROWS+=("| $jdk | CPU per request of the gateway hop, ours ÷ nginx (same request, same service behind) | $C_OURS_GW ÷ $C_NGINX ms = **$C_G** | ≤ 1.5 | $(verdict "$C_G" 1.5 "<=") |")
  ROWS+=("| $jdk | CPU per request of GET /units/{id}, ours ÷ the bare JDBC app | $C_OURS ÷ $C_BARE ms = **$C_S** | ≤ 2.0 | $(verdict "$C_S" 2.0 "<=") |")
  ROWS+=("| $jdk | for reference: CPU per request, the peer's service; the peer's gateway hop | $C_PEER ms ($(ratio "$C_OURS" "$C_PEER") of it ours); $C_PEER_GW ms ($(ratio "$C_OURS_GW" "$C_PEER_GW") of it ours) | – | |")
  ROWS+=("| $jdk | for reference: throughput of the bare app; through nginx; first response and RSS of the bare app | $BARE_RPS req/s (ours $(ratio "$(median "${SO[@]}")" "$BARE_RPS") of it); $NGINX_RPS req/s (ours $(ratio "$(median "${GO[@]}")" "$NGINX_RPS") of it); $BARE_T ms, $R_BARE MiB | – | |")
  ROWS+=("| $jdk | rounds (req/s, in the order measured) | service ours ${SO[*]}, peer ${SP[*]}; gateway ours ${GO[*]}, peer ${GP[*]} | – | |")
  if [ "$jdk" = 25 ]; then
    echo "JDK 25: the AOT cache, each side trained by a run of the same load, then started from it"
    for side in ours peer; do
      if [ $side = ours ]; then url=$S_OURS; env_=("${OURS_ENV[@]}" "$(ours_jar units-service 25)"); else url=$S_PEER; env_=("${PEER_ENV[@]}" "$PEER_UNITS_JAR"); fi
      read -r pid _ <<<"$(JVM_EXTRA="-XX:AOTCacheOutput=$WORK/$side.aot" start 25 "$url" "${env_[@]}")"
      rps "$url" 10 >/dev/null
      kill $pid; while kill -0 $pid 2>/dev/null; do sleep 0.2; done # the cache is written as the JVM stops
      read -r pid t <<<"$(JVM_EXTRA="-XX:AOTCache=$WORK/$side.aot" start 25 "$url" "${env_[@]}")"
      kill $pid; while kill -0 $pid 2>/dev/null; do sleep 0.2; done
      if [ $side = ours ]; then AOT_OURS_T=$t; else AOT_PEER_T=$t; fi
    done
    T_A=$(ratio "$AOT_OURS_T" "$AOT_PEER_T")
    ROWS+=("| 25 | time to first business response with the AOT cache, service, ours ÷ peer (without it: $OURS_T ÷ $PEER_T ms) | $AOT_OURS_T ÷ $AOT_PEER_T ms = **$T_A** | ≤ 0.5 | $(verdict "$T_A" 0.5 "<=") |")
  fi
done

CPU=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
{
  cat <<MD
# Ours beside the peers, on JDK 17 and JDK 25

Measured $(date -u +"%Y-%m-%d %H:%M UTC") with \`bench/peers.sh\` (DURATION=$DURATION s, $CONNECTIONS connections, wrk 2
threads; CPU at $CPU_RATE req/s for $CPU_SECONDS s with autocannon), on $(nproc) cores ($CPU), everything on one machine
(load generator included), so absolute numbers mean little; ratios compare sides measured in the same run.

| JDK | figure | measured | goal | |
|---|---|---|---|---|
MD
  printf '%s\n' "${ROWS[@]}"
  cat <<MD

**The sides.** Ours: units-service's \`GET /units/{id}\` (token verified, role and unit-subtree policy, ETag, problem
answers, Hibernate ORM) and our gateway in front of it (token verified, rate limit per person and per client, proxy).
The peer (\`bench/peer\`): a Spring Boot 4.0.7 application on Tomcat with Spring Data JPA and Spring Security's OAuth2
resource server serving the same unit with the same subtree check, and Spring Cloud Gateway (2025.1, WebFlux) in front
with the token verified and an in-memory rate limit per person. Both read the same row of the same database with
tokens from the same Keycloak realm; each side is one process started alone with \`-Xmx384m\` (and compact object
headers on JDK 25, for both). The bare app (\`bench/bare-app\`) reads the same row with plain JDBC and writes it as
JSON: no token, policy or ORM. nginx proxies to our units-service with keep-alive, as our gateway does.

**How.** Time to first business response: from the process's start to its first 200 of the authenticated GET (the
JWKS fetched, the pool opened). Throughput: each side warmed twice in turns, then two rounds of ours, peer, peer,
ours; medians. RSS: after those rounds, a full GC (\`jcmd GC.run\`), then the resident set. CPU per request: user +
system CPU of the process (and its children, for nginx) from \`/proc\`, over every request of a fixed rate held
for the period, so that the load generator sharing the cores does not decide the figure. On JDK 17 ours is the same
commit compiled for release 17; on JDK 25 it is the shipped build.
MD
} > "${PEERS_RESULTS:-bench/RESULTS-peers.md}"
cat "${PEERS_RESULTS:-bench/RESULTS-peers.md}"
