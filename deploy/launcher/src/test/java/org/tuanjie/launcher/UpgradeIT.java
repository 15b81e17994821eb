package org.tuanjie.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An upgrade keeps a county's data: the previous release (deploy/releases.properties), built from its commit, runs
 * the suite on fresh databases and loads the demo county; its answers to a fixed set of reads are kept; this
 * build's suite then starts on the same databases (Flyway migrates them) and must give every one of those answers
 * again: the same status, every field the previous release gave with the same value (new fields may appear).
 * Ports offset by 12000, beside the end-to-end run's 14000 and below the ephemeral range.
 */
class UpgradeIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final int OFFSET = 12000;
    /** Fields that say when or for which request an answer was made, not what it holds. */
    private static final Set<String> OF_THE_MOMENT = Set.of("generatedAt", "computedAt", "checkedAt", "requestId");

    @Test
    void thePreviousReleasesDatabasesGiveTheSameAnswersOnThisBuild() throws Exception {
        Properties releases = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve("deploy/releases.properties"))) {
            releases.load(in);
        }
        String commit = releases.getProperty("previous.commit");
        String tag = releases.getProperty("previous.tag");
        Path work = Files.createTempDirectory("tuanjie-upgrade");
        try {
            Path previous = work.resolve("previous");
            Files.createDirectories(previous);
            Path log = work.resolve("build.log");
            assertEquals(0, run(ROOT, log, "sh", "-c", "git archive " + commit + " | tar -x -C '" + previous + "'"),
                    "the sources of " + tag + " (" + commit + ") from this clone's history:\n" + tail(log));
            assertEquals(0, run(previous, log, "./mvnw", "-B", "-q", "package", "-DskipTests", "-DskipITs", "-pl", "deploy/launcher", "-am"),
                    "building " + tag + ":\n" + tail(log));

            Path state = work.resolve("state");
            Map<String, Api.Reply> before = withSuite(previous, previous.resolve("deploy/launcher/target/launcher.jar"), state,
                    work.resolve(tag + ".log"));
            Map<String, Api.Reply> after = withSuite(ROOT, Path.of(System.getProperty("tuanjie.launcher.jar")), state,
                    work.resolve("this-build.log"));

            assertTrue(before.size() >= 20, "reads made: " + before.keySet());
            List<String> differences = new ArrayList<>();
            before.forEach((path, old) -> {
                Api.Reply now = after.get(path);
                if (old.status() != now.status()) {
                    differences.add(path + ": " + old.status() + " before, " + now.status() + " after: " + now.raw());
                } else {
                    contained(old.body(), now.body(), path, differences);
                }
            });
            assertEquals(List.of(), differences, "answers of " + tag + " this build no longer gives");
            before.forEach((path, old) -> assertEquals(200, old.status(), tag + " answered " + path + ": " + old.raw()));
        } finally {
            Suite.deleteRecursively(work);
        }
    }

    /** Starts the suite of {@code root} on {@code state}, makes the reads once the demo county is in, and stops it. */
    private static Map<String, Api.Reply> withSuite(Path root, Path launcherJar, Path state, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", launcherJar.toString()).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TUANJIE_PORT_OFFSET", Integer.toString(OFFSET));
        builder.environment().put("TUANJIE_STATE", state.toString());
        builder.environment().put("TUANJIE_KEYCLOAK_HOME", System.getProperty("tuanjie.keycloak.home"));
        builder.environment().remove("OIDC_AUTH_SERVER_URL");
        builder.environment().remove("TUANJIE_PG_HOST");
        Process suite = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
            // the welcome is printed once the suite is up and the demo county loaded
            while (!Files.readString(log, StandardCharsets.UTF_8).contains("Swagger UI")) {
                assertTrue(suite.isAlive(), launcherJar + " stopped:\n" + tail(log));
                assertTrue(System.nanoTime() < deadline, launcherJar + " was not up within 8 minutes:\n" + tail(log));
                Thread.sleep(1000);
            }
            String issuer = "http://127.0.0.1:" + (18080 + OFFSET) + "/realms/unity";
            return reads(new Api("http://127.0.0.1:" + (8080 + OFFSET), issuer, issuer));
        } finally {
            suite.destroy();
            if (!suite.waitFor(90, TimeUnit.SECONDS)) {
                suite.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The fixed reads: the county's lists, figures and chains, and one unit, task and agreement in full. */
    private static Map<String, Api.Reply> reads(Api api) {
        String auditor = api.token("auditor-wang");
        Map<String, Api.Reply> replies = new LinkedHashMap<>();
        for (String path : List.of("/units?limit=100", "/domains", "/indicator-catalogues", "/readiness", "/inspections?limit=100",
                "/tasks?limit=100", "/figures", "/figures/townships", "/agreements?limit=100", "/templates", "/audit?limit=100",
                "/audit/verification", "/coverage?year=" + java.time.Year.now(), "/seal/public-keys")) {
            replies.put("/api/v1" + path, api.get(auditor, "/api/v1" + path));
        }
        String county = replies.get("/api/v1/units?limit=100").body().path("items").path(0).path("id").asText();
        String task = replies.get("/api/v1/tasks?limit=100").body().path("items").path(0).path("id").asText();
        String agreement = replies.get("/api/v1/agreements?limit=100").body().path("items").path(0).path("id").asText();
        List<String> one = new ArrayList<>(List.of("/api/v1/findings/open-by-indicator?unitId=" + county));
        for (String suffix : List.of("", "/children", "/ancestors", "/subtree/counts", "/dossier/counts", "/scorecard",
                "/scorecard/rollup", "/history")) {
            one.add("/api/v1/units/" + county + suffix);
        }
        for (String suffix : List.of("", "/timeline", "/extensions", "/urgings")) {
            one.add("/api/v1/tasks/" + task + suffix);
        }
        for (String suffix : List.of("", "/signatures", "/verification", "/canonical-content")) {
            one.add("/api/v1/agreements/" + agreement + suffix);
        }
        one.add("/api/views/units/" + county);
        one.forEach(path -> replies.put(path, api.get(auditor, path)));
        return replies;
    }

    /** Every field of {@code old} is in {@code now} with the same value; arrays keep their length and order. */
    static void contained(JsonNode old, JsonNode now, String at, List<String> differences) {
        if (old == null || old.isMissingNode()) {
            return;
        }
        if (now == null || now.isMissingNode()) {
            differences.add(at + ": gone (was " + abbreviated(old) + ")");
        } else if (old.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = old.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!OF_THE_MOMENT.contains(field.getKey())) {
                    contained(field.getValue(), now.get(field.getKey()), at + "." + field.getKey(), differences);
                }
            }
        } else if (old.isArray()) {
            if (old.size() != now.size()) {
                differences.add(at + ": " + old.size() + " items, now " + now.size());
                return;
            }
            for (int i = 0; i < old.size(); i++) {
                contained(old.get(i), now.get(i), at + "[" + i + "]", differences);
            }
        } else if (!old.equals(now)) {
            differences.add(at + ": " + abbreviated(old) + ", now " + abbreviated(now));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    private static int run(Path dir, Path log, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
