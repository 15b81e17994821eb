#!/usr/bin/env bash
# Runs the whole Tuanjie suite on this machine: embedded PostgreSQL (data in .local/pg), Keycloak from its
# Maven Central distribution (realm unity), the three services and the gateway, with demo data.
#   deploy/run-local.sh          start, print where to go, Ctrl-C stops everything
#   deploy/run-local.sh --e2e    fresh database, end-to-end proof through the gateway, then stop
# External PostgreSQL: TUANJIE_PG_HOST/PORT/USER/PASSWORD. External identity server: OIDC_AUTH_SERVER_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/java25.sh
KEYCLOAK_VERSION=26.5.6

echo "Building (first time: a few minutes)..."
./mvnw -q -B -DskipTests package

if [ -z "${OIDC_AUTH_SERVER_URL:-}" ] && [ ! -x .local/keycloak/bin/kc.sh ]; then
  echo "Fetching Keycloak $KEYCLOAK_VERSION from Maven Central (164 MB, once)..."
  mkdir -p .local
  ./mvnw -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz -DoutputDirectory=.local/kc-dist
  rm -rf .local/keycloak && mv .local/kc-dist/keycloak-$KEYCLOAK_VERSION .local/keycloak && rm -rf .local/kc-dist
fi

exec java -jar deploy/launcher/target/launcher.jar "$@"
