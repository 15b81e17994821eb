package org.tuanjie.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image starts from an AOT cache trained on itself (deploy/docker/Dockerfile.jvm). No container engine runs here,
 * so the Dockerfile's stages are read, and its training script is run as the image's build runs it: on the gateway's
 * jar, with the image's JAVA_OPTS.
 */
class ImageAotCacheTest {

    private static final Path DOCKERFILE = DeployFilesTest.ROOT.resolve("deploy/docker/Dockerfile.jvm");
    private static final Path TRAINING = DeployFilesTest.ROOT.resolve("deploy/docker/aot-train.sh");

    @Test
    void theImageRunsFromTheCacheItsOwnStageTrained() throws IOException {
        List<String> lines = Files.readAllLines(DOCKERFILE);
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        // the training stage and the final image are both the application's stage: same JDK, same files
        assertEquals(List.of("FROM eclipse-temurin:25-jre AS app", "FROM app AS trained", "FROM app"), from);
        String dockerfile = String.join("\n", lines);
        Matcher run = Pattern.compile("RUN aot-train.sh \"\\$APP\" /app (\\S+)").matcher(dockerfile);
        assertTrue(run.find(), "the trained stage runs aot-train.sh on /app");
        assertTrue(dockerfile.contains("COPY --from=trained " + run.group(1) + " /app/app.aot"), dockerfile);
        assertTrue(dockerfile.contains("ENV JAVA_AOT_OPTS=\"-XX:AOTCache=/app/app.aot\""), dockerfile);
        String entrypoint = lines.stream().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElseThrow();
        assertTrue(entrypoint.contains("java $JAVA_OPTS $JAVA_AOT_OPTS -jar /app/quarkus-run.jar"), entrypoint);
        // the training runs with the options the image runs with: they are set before it, in the stage it builds on
        assertTrue(dockerfile.indexOf("ENV JAVA_OPTS=") < dockerfile.indexOf("FROM app AS trained"));
    }

    @Test
    void theTrainingScriptLeavesACacheTheJvmTakes(@TempDir Path work) throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need Java 25; .ci/run builds on it");
        Path app = DeployFilesTest.ROOT.resolve("gateway/target/quarkus-app");
        assertTrue(Files.exists(app.resolve("quarkus-run.jar")), "the gateway is packaged before the launcher's tests");
        Path cache = work.resolve("app.aot");
        ProcessBuilder builder = new ProcessBuilder("sh", TRAINING.toString(), "gateway", app.toString(), cache.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("training.log").toFile());
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        builder.environment().put("PATH", java.getParent() + ":" + System.getenv("PATH"));
        builder.environment().put("JAVA_OPTS", imageJavaOptions());
        builder.environment().put("TRAIN_PORT", Integer.toString(threeFreePorts()));
        Process training = builder.start();
        assertTrue(training.waitFor(4, TimeUnit.MINUTES), "the training ends");
        String log = Files.readString(work.resolve("training.log"), StandardCharsets.UTF_8);
        // the script's last start used -XX:AOTMode=on, which refuses to start on a cache it can't use
        assertEquals(0, training.exitValue(), log);
        assertTrue(Pattern.compile("gateway's cache is \\d+ MiB; ready in \\d+ ms without it, \\d+ ms from it").matcher(log).find(), log);
        assertTrue(Files.size(cache) > 10L << 20, "a cache of the gateway's classes: " + Files.size(cache) + " bytes");
    }

    private static String imageJavaOptions() throws IOException {
        Matcher m = Pattern.compile("ENV JAVA_OPTS=\"([^\"]+)\"").matcher(Files.readString(DOCKERFILE));
        assertTrue(m.find(), "the Dockerfile sets JAVA_OPTS");
        return m.group(1);
    }

    /** A port whose next two are free as well: the training's HTTP, management and PostgreSQL ports. */
    private static int threeFreePorts() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            if (port < 65533 && free(port) && free(port + 1) && free(port + 2)) {
                return port;
            }
        }
        throw new IllegalStateException("no three free ports in a row");
    }

    private static boolean free(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
