# Sourced by .ci/run, deploy/run-local.sh and the benchmarks: builds and runs on Java 25. Keeps a JAVA_HOME that
# already names a JDK 25, else takes one from the usual places (Temurin 25 beside the system's JDK 17 here), and puts
# its java first on the PATH, so that Maven, the tests and the suite's processes all run on it.
if ! "${JAVA_HOME:-/nonexistent}/bin/java" -version 2>&1 | grep -q 'version "25'; then
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk /usr/lib/jvm/java-25-openjdk-amd64 \
      /Library/Java/JavaVirtualMachines/temurin-25.jdk/Contents/Home; do
    if [ -x "$jdk/bin/java" ]; then export JAVA_HOME=$jdk; break; fi
  done
fi
if [ -n "${JAVA_HOME:-}" ]; then export PATH="$JAVA_HOME/bin:$PATH"; fi
java -version 2>&1 | grep -q 'version "25' || echo "warning: Java 25 not found (set JAVA_HOME to a JDK 25): $(java -version 2>&1 | head -1)" >&2
