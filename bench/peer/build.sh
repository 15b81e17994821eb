#!/usr/bin/env bash
# Builds the benchmark's peer (bench/peer: Spring Boot units service and Spring Cloud Gateway) and prints its two
# executable jars: units first, then the gateway. Compiled for release 17: they run on JDK 17 and JDK 25.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/java25.sh
./mvnw -q -B -f bench/peer/pom.xml -DskipTests package
ls "$PWD"/bench/peer/units/target/peer-units-*.jar
ls "$PWD"/bench/peer/gateway/target/peer-gateway-*.jar
