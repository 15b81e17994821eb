package org.tuanjie.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end proof, as part of the build: the real suite (embedded PostgreSQL, Keycloak from its
 * Maven Central distribution, the four jars just built) on ports offset by 14000, so it can run beside a
 * suite already running here, and everything stopped at the end, pass or fail. Every port stays below the
 * ephemeral range (32768 up): there, the thousands of connections the module tests just closed can hold a
 * port in TIME_WAIT for a minute, and the suite found its PostgreSQL port (then 35432) taken.
 */
class EndToEndIT {

    @Test
    void theSuiteWorksEndToEndThroughTheGateway() throws Exception {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        String jar = System.getProperty("tuanjie.launcher.jar");
        String keycloak = System.getProperty("tuanjie.keycloak.home");
        assertTrue(Files.exists(Path.of(jar)), "launcher jar " + jar);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar, "--e2e").directory(root.toFile()).inheritIO();
        builder.environment().put("TUANJIE_PORT_OFFSET", "14000");
        builder.environment().put("TUANJIE_KEYCLOAK_HOME", keycloak);
        builder.environment().remove("OIDC_AUTH_SERVER_URL");
        builder.environment().remove("TUANJIE_PG_HOST");
        Process launcher = builder.start();
        try {
            assertTrue(launcher.waitFor(10, TimeUnit.MINUTES), "the end-to-end run finished within 10 minutes");
            assertEquals(0, launcher.exitValue(), "every end-to-end check passed (see the output above)");
        } finally {
            if (launcher.isAlive()) {
                launcher.destroy();
                if (!launcher.waitFor(30, TimeUnit.SECONDS)) {
                    launcher.destroyForcibly();
                }
            }
        }
    }
}
