package org.tuanjie.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3-protocol server for tests, with no Docker: S3Proxy (Maven Central
 * {@code org.gaul:s3proxy:jar-with-dependencies}) in a child JVM, storing into a temporary directory through
 * jclouds' filesystem store, on a free port of 127.0.0.1, path-style addresses only, one bucket made ready.
 *
 * <p>The S3Proxy jar bundles Jetty, jclouds and cloud SDKs, so it stays off the test class path: the using
 * module copies it into {@code target/s3proxy/s3proxy.jar} with maven-dependency-plugin and names it in
 * system property {@value #JAR_PROPERTY} (see the surefire configuration of platform-files' pom).
 *
 * <p>{@link #close()} stops the process and removes its directory; a JVM shutdown hook does the same for a
 * server a test forgot, and for the {@link #shared()} one; and the child stops by itself when the test JVM
 * dies without running its hooks ({@link ParentWatch}).
 */
public final class S3ProxyServer implements AutoCloseable {

    /** System property naming the S3Proxy jar. */
    public static final String JAR_PROPERTY = "tuanjie.s3proxy.jar";
    /** Where the jar is looked for when the property is not set (relative to the module under test). */
    public static final String DEFAULT_JAR = "target/s3proxy/s3proxy.jar";

    private static final String ACCESS_KEY = "tuanjie-test";
    private static final String SECRET_KEY = "tuanjie-test-secret";
    // S3Proxy checks signatures with the region the client signs for, whatever it is
    private static final String REGION = "us-east-1";
    private static final String SHARED_BUCKET = "tuanjie-test";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private static S3ProxyServer shared;

    private final Process process;
    private final Path directory;
    private final URI endpoint;
    private final String bucket;
    private final Thread shutdownHook;

    private S3ProxyServer(Process process, Path directory, URI endpoint, String bucket) {
        this.process = process;
        this.directory = directory;
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.shutdownHook = new Thread(this::stop, "s3proxy-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** One server for the whole test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized S3ProxyServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start(SHARED_BUCKET);
        }
        return shared;
    }

    /** Starts a server of its own with an empty {@code bucket}; the caller closes it. */
    public static S3ProxyServer start(String bucket) {
        Path jar = jar();
        Path directory = null;
        Process process = null;
        S3ProxyServer server = null;
        try {
            directory = Files.createTempDirectory("tuanjie-s3-");
            Path data = Files.createDirectories(directory.resolve("data"));
            // a directory under the filesystem store's base is a bucket: no client needed to create it
            Files.createDirectory(data.resolve(bucket));
            int port = freePort();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Path properties = directory.resolve("s3proxy.properties");
            Files.write(properties, List.of(
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + data), StandardCharsets.UTF_8);
            Path log = directory.resolve("s3proxy.log");
            String classPath = jar + File.pathSeparator + ownLocation();
            ProcessBuilder builder = new ProcessBuilder(java().toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-D" + ParentWatch.DIRECTORY + "=" + directory,
                    "-cp", classPath, ParentWatch.class.getName(), "--properties", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // its logback configuration reads these: requests at INFO would fill the log for nothing
            builder.environment().put("LOG_LEVEL", "warn");
            builder.environment().put("JETTY_LOG_LEVEL", "warn");
            process = builder.start();
            server = new S3ProxyServer(process, directory, endpoint, bucket);
            server.awaitAnswer(log);
            return server;
        } catch (IOException e) {
            abandon(server, process, directory);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            abandon(server, process, directory);
            throw e;
        }
    }

    /** The base address, e.g. {@code http://127.0.0.1:41234}; address buckets path-style. */
    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return REGION;
    }

    /** The bucket that exists from the start. */
    public String bucket() {
        return bucket;
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook is running or about to
        }
        stop();
        synchronized (S3ProxyServer.class) {
            if (shared == this) {
                shared = null;
            }
        }
    }

    private void stop() {
        stop(process, directory);
    }

    private void awaitAnswer(Path log) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ":\n" + tail(log));
            }
            if (answers()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while S3Proxy was starting", e);
            }
        }
        throw new IllegalStateException("S3Proxy did not answer within " + STARTUP + ":\n" + tail(log));
    }

    /** Any HTTP answer will do (an unsigned request gets 403): the server is listening and serving. */
    private boolean answers() {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static void abandon(S3ProxyServer server, Process process, Path directory) {
        if (server != null) {
            server.close();
        } else {
            stop(process, directory);
        }
    }

    private static void stop(Process process, Path directory) {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (directory != null) {
            deleteTree(directory);
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing a test run for
        }
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, DEFAULT_JAR)).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no S3Proxy jar at " + jar + ": copy org.gaul:s3proxy:"
                    + "jar-with-dependencies there with maven-dependency-plugin, or name it in -D" + JAR_PROPERTY);
        }
        return jar;
    }

    /** The JVM running the tests: S3Proxy 4.1 is built for Java 17 and runs on it. */
    private static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** This class's jar or class directory, for the child's {@link ParentWatch}. */
    private static Path ownLocation() {
        try {
            return Path.of(S3ProxyServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * The child's main: S3Proxy's, plus a watch on the pipe from the test JVM. A JVM that is killed
     * (a crashed surefire fork, an OutOfMemoryError, kill -9) runs no shutdown hook, but the system closes its
     * end of the pipe: the child then stops too, instead of serving on for good.
     */
    public static final class ParentWatch {

        /** System property naming the server's temporary directory, removed when the parent is gone. */
        static final String DIRECTORY = "tuanjie.s3proxy.directory";

        private ParentWatch() {
        }

        public static void main(String[] arguments) throws Exception {
            Thread watch = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // the parent never writes: only the end of the stream matters
                    }
                } catch (IOException e) {
                    // a broken pipe means the same as its end
                }
                String directory = System.getProperty(DIRECTORY);
                if (directory != null) {
                    deleteTree(Path.of(directory));
                }
                Runtime.getRuntime().halt(0);
            }, "parent-watch");
            watch.setDaemon(true);
            watch.start();
            Class.forName("org.gaul.s3proxy.Main").getMethod("main", String[].class).invoke(null, (Object) arguments);
        }
    }
}
