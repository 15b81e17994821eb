#!/bin/sh
# Trains the Java AOT cache (JEP 483, 514, 515) of one application where it will run: Dockerfile.jvm's "trained" stage
# runs it on the image's own JDK, files and JAVA_OPTS, since a cache is only taken by the very JVM build, class path
# and object layout it was recorded with. Runnable outside an image too, on a built quarkus-app directory.
#
#   aot-train.sh APP APP_DIR CACHE      e.g. aot-train.sh units-service /app /app/app.aot
#
# The application starts as in production (a service migrates a throwaway PostgreSQL of its own, initdb'd from the
# newest /usr/lib/postgresql/*/bin, or $PG_BIN), with JVM option -XX:AOTCacheOutput, and is asked for its health, its
# contract and every path of it, without a token and with a bad one: what every start loads and links, and the request
# path up to the token check. It is then stopped, the JVM writes the cache, and a second start with -XX:AOTMode=on (which
# refuses a cache it cannot use) proves the cache good; its time to ready is printed beside a start without it.
set -eu
app=$1 dir=$2 cache=$3
port=${TRAIN_PORT:-18099}
management=$((port + 1))
pg_port=$((port + 2))
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi
  if [ -d "$work/pg" ]; then "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

export QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$management"
# nothing answers here: a token can't be checked, so every request ends at the 401, as an expired token's would
export OIDC_AUTH_SERVER_URL=http://127.0.0.1:9/realms/unity OIDC_PUBLIC_URL=http://127.0.0.1:9/realms/unity
export SEAL_KEY_FILE="$work/seal-ed25519.pem" SEAL_KEYS_DIR="$work/seal-keys"
case $app in
  # the gateway's readiness waits for the services, which are not there: started is what its start takes
  gateway) ready=http://127.0.0.1:$management/q/health/started ;;
  *-service)
    ready=http://127.0.0.1:$port/q/health/ready
    pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
    "$pg_bin/initdb" -D "$work/pg" -U tuanjie --auth=trust -E UTF8 --no-sync >/dev/null
    "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
      -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
      || { tail -n 20 "$work/pg.log" >&2; exit 1; }
    db=${app%-service}
    "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U tuanjie "$db"
    prefix=$(echo "$db" | tr '[:lower:]' '[:upper:]')
    export "${prefix}_DB_URL=jdbc:postgresql://127.0.0.1:$pg_port/$db" "${prefix}_DB_USER=tuanjie" \
      "${prefix}_DB_PASSWORD=tuanjie"
    ;;
  *) echo "aot-train.sh: unknown application $app" >&2; exit 2 ;;
esac

# starts the application with the given JVM options, sets $pid, and $took to the milliseconds it took to be ready
start() {
  if curl -s -o /dev/null "$ready"; then
    echo "aot-train.sh: something already answers at $ready (TRAIN_PORT sets other ports)" >&2
    exit 1
  fi
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options, as in the image's entry point
  java ${JAVA_OPTS:-} "$@" -jar "$dir/quarkus-run.jar" >>"$work/app.log" 2>&1 &
  started=$(date +%s%N)
  pid=$!
  until curl -fs -o /dev/null "$ready"; do
    if [ $(( $(date +%s%N) - started )) -gt 300000000000 ]; then
      echo "aot-train.sh: $app not ready at $ready after 300 s; its log:" >&2
      tail -n 40 "$work/app.log" >&2
      exit 1
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "aot-train.sh: $app exited before it was ready; its log:" >&2
      tail -n 40 "$work/app.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  took=$(( ($(date +%s%N) - started) / 1000000 ))
}

stop() {
  kill "$pid"
  wait "$pid" || true
  pid=
}

cd "$work"
start -XX:AOTCacheOutput="$cache"
base=http://127.0.0.1:$port
if [ "$app" = gateway ]; then
  paths="/api/v1/units /api/v1/tasks /api/v1/agreements /api/units/1 /openapi"
  curl -fs -o /dev/null "http://127.0.0.1:$management/q/health/live"
else
  # the contract's paths, a path parameter standing for "1"
  paths=$(curl -fs "$base/q/openapi" | sed -n 's/^  \(\/[^:]*\):$/\1/p' | sed 's/{[^}]*}/1/g')
  if [ -z "$paths" ]; then
    echo "aot-train.sh: no path in $app's contract at $base/q/openapi" >&2
    exit 1
  fi
  curl -fs -o /dev/null "$base/q/openapi?format=json"
  curl -fs -o /dev/null "$base/q/health/live"
  curl -fs -o /dev/null "$base/q/metrics"
fi
for _ in 1 2 3; do
  for path in $paths; do
    curl -s -o /dev/null "$base$path"
    curl -s -o /dev/null -H 'Authorization: Bearer e30.e30.c2ln' "$base$path"
    curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' "$base$path"
  done
  curl -s -o /dev/null "$ready"
done
stop
if [ ! -s "$cache" ]; then
  echo "aot-train.sh: the JVM wrote no cache at $cache; the application's log:" >&2
  tail -n 40 "$work/app.log" >&2
  exit 1
fi
start
cold=$took
stop
start -XX:AOTCache="$cache" -XX:AOTMode=on
warm=$took
stop
echo "aot-train.sh: $app's cache is $(du -m "$cache" | cut -f1) MiB; ready in $cold ms without it, $warm ms from it"
