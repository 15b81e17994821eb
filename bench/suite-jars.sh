# Sourced by the benchmarks that start the suite: builds the jars when they are missing and sets KC_HOME to a
# Keycloak distribution (TUANJIE_KEYCLOAK_HOME, else the local run's, else the end-to-end check's). Java 25.
source deploy/java25.sh
[ -f deploy/launcher/target/launcher.jar ] && [ -f gateway/target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -DskipTests package
KC_HOME=${TUANJIE_KEYCLOAK_HOME:-}
[ -z "$KC_HOME" ] && [ -x .local/keycloak/bin/kc.sh ] && KC_HOME=$PWD/.local/keycloak
[ -z "$KC_HOME" ] && KC_HOME=$PWD/deploy/launcher/target/keycloak-dist/keycloak-26.5.6
[ -x "$KC_HOME/bin/kc.sh" ] || { echo "no Keycloak distribution: run deploy/run-local.sh once"; exit 2; }
