#!/usr/bin/env bash
# How soon the field app shows a liaison their tasks on a phone, in Debian's headless Chromium with the network
# shaped as a weak rural 3G line and as 4G: the first visit (nothing on the phone), the next start (the shell from
# the service worker, the tasks from the phone's copy), and a start without any network. Also the bytes each start
# fetched. Budgets: first visit on 3G within 5 s, the next start within 1 s. Writes bench/RESULTS-app.md.
#   bench/app.sh            needs chromium (apt-get install chromium) and npm (for playwright-core, into a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
# clear of the normal run (0), bench/run.sh (12000), sync (12500), files (13000), webhooks (13500), e2e (14000)
OFFSET=12700
GW=$((8080 + OFFSET)); KC=$((18080 + OFFSET))
WORK=$(mktemp -d /tmp/tuanjie-app.XXXXXX)

for tool in curl python3 npm /usr/bin/chromium; do command -v $tool >/dev/null 2>&1 || { echo "missing $tool"; exit 2; }; done
source bench/suite-jars.sh

cleanup() {
  [ -n "${LAUNCHER:-}" ] && kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

(cd "$WORK" && npm init -y >/dev/null && npm install --no-audit --no-fund playwright-core@1.65.2 >/dev/null)
echo "starting the suite with the demo county (log: $WORK/suite.log)"
TUANJIE_AOT=off TUANJIE_PORT_OFFSET=$OFFSET TUANJIE_STATE=$WORK/state TUANJIE_KEYCLOAK_HOME=$KC_HOME \
  java -jar deploy/launcher/target/launcher.jar > "$WORK/suite.log" 2>&1 &
LAUNCHER=$!
for _ in $(seq 1 400); do grep -q "Tuanjie is running" "$WORK/suite.log" && break; sleep 1; done
grep -q "Tuanjie is running" "$WORK/suite.log" || { cat "$WORK/suite.log"; exit 1; }

# the liaison's session as the app keeps it after logging in (the bench does not drive the Keycloak page)
curl -s -d grant_type=password -d client_id=tuanjie-cli -d username=education-liaison -d password=demo-2026 \
  "http://127.0.0.1:$KC/realms/unity/protocol/openid-connect/token" > "$WORK/tokens.json"
cp bench/app-first-screen.mjs "$WORK/"
NODE_PATH="$WORK/node_modules" node "$WORK/app-first-screen.mjs" "http://127.0.0.1:$GW" "$WORK/tokens.json" \
  "http://127.0.0.1:$KC/realms/unity" > "$WORK/results.md"
{
  echo "# The field app's first screen on a phone"
  echo
  echo "\`bench/app.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, Chromium $(/usr/bin/chromium --version | awk '{print $2}'),"
  echo "a 390×844 phone screen; the demo county, logged in as education-liaison. Times are the median of 5 starts,"
  echo "from navigation to the task list on screen; bytes are what the page fetched (encoded, headers excluded;"
  echo "the service worker's refresh of the shell behind a start is not counted). A first visit logs in already done"
  echo "(the session put where the app keeps it), so the Keycloak pages are not in it."
  echo
  cat "$WORK/results.md"
} > bench/RESULTS-app.md
cat bench/RESULTS-app.md
