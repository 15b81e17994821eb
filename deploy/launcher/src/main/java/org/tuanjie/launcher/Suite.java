package org.tuanjie.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite on one machine: PostgreSQL (embedded, data kept under the state folder, or an
 * external one), Keycloak (from its distribution, or an external issuer), and the four applications
 * from their built jars, each a process with its own log.
 */
final class Suite {

    /** Added to every port, to run a second suite (the build's end-to-end check) beside a running one. */
    static final int OFFSET = Integer.parseInt(System.getenv().getOrDefault("TUANJIE_PORT_OFFSET", "0"));
    static final int GATEWAY_PORT = 8080 + OFFSET;
    /** The gateway's management interface (health, metrics): not on its public port. */
    static final int GATEWAY_MANAGEMENT_PORT = 9080 + OFFSET;
    /** The gateway's HTTPS port, opened only for a public host (a phone on the same network). */
    static final int GATEWAY_HTTPS_PORT = 8443 + OFFSET;
    /** Keycloak's HTTPS port, likewise. */
    static final int KEYCLOAK_HTTPS_PORT = 18443 + OFFSET;
    /** Keycloak's management interface (health): offset like the rest, so two suites can run side by side. */
    static final int KEYCLOAK_MANAGEMENT_PORT = 9000 + OFFSET;
    static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("units-service", 8081 + OFFSET);
        SERVICES.put("tasks-service", 8082 + OFFSET);
        SERVICES.put("agreements-service", 8083 + OFFSET);
        SERVICES.put("gateway", GATEWAY_PORT);
    }

    private final Path root;
    private final Path state;
    private final Console console;
    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Path> logs = new LinkedHashMap<>();
    private EmbeddedPostgres postgres;
    /** A PostgreSQL restored from a backup of the first (the end-to-end run's restore drill), stopped with the rest. */
    private EmbeddedPostgres restored;
    /** Where the embedded PostgreSQL archives its WAL (the end-to-end run only), or null. */
    private Path walArchive;
    /** The port of the PostgreSQL the services use: the configured one, or a restored one's. */
    private int databasePort;
    /** The local certificates, for a public host only. */
    private LocalTls tls;
    /** Whether units-service's database was created by this start (a first start, or an end-to-end run). */
    private boolean newDatabases;
    private volatile boolean stopped;

    /** Where people's browsers (a phone's, Swagger UI's) open the gateway, and the key they trust there (none over plain HTTP). */
    record BrowserAddress(String gateway, String keyPin, String issuer, LocalTls tls) {
    }

    BrowserAddress browserAddress() throws IOException {
        return new BrowserAddress(settings.gatewayUrl(), tls == null ? null : tls.serverKeyPin(), settings.publicIssuer(), tls);
    }

    /** The checkout the suite runs from. */
    Path root() {
        return root;
    }

    Suite(Path root, Path state, Console console, Settings settings) {
        this.root = root;
        this.state = state;
        this.console = console;
        this.settings = settings;
        this.databasePort = settings.pgPort();
    }

    /** Archive the embedded PostgreSQL's WAL (set before start): what a base backup is restored with. */
    void archiveWal(Path archive) {
        this.walArchive = archive;
    }

    /** Everything the suite is reached at, for the person and for the demo loader. */
    record Settings(String pgHost, int pgPort, String pgUser, String pgPassword, boolean embeddedPostgres,
            String issuer, boolean embeddedKeycloak, int keycloakPort, Realm realm, String publicHost) {

        /** Which realm file the embedded Keycloak imports: the demo one (demo users), or the production one (none). */
        enum Realm {
            DEMO("realm-unity.json"), PRODUCTION("realm-unity-production.json");

            final String file;

            Realm(String file) {
                this.file = file;
            }
        }

        Settings withRealm(Realm chosen) {
            return new Settings(pgHost, pgPort, pgUser, pgPassword, embeddedPostgres, issuer, embeddedKeycloak, keycloakPort,
                    chosen, publicHost);
        }

        /** Whether the gateway and Keycloak also answer over HTTPS at an address other machines reach. */
        boolean isPublic() {
            return publicHost != null;
        }

        /**
         * The issuer people's browsers log in at, and the one in every token: the public HTTPS address for a public host
         * (the services still fetch keys at the internal address), otherwise the issuer itself.
         */
        String publicIssuer() {
            return isPublic() && embeddedKeycloak
                    ? "https://" + hostInUrl(publicHost) + ":" + KEYCLOAK_HTTPS_PORT + "/realms/unity" : issuer;
        }

        /** Where people open the gateway: its HTTPS address for a public host, otherwise the local one. */
        String gatewayUrl() {
            return isPublic() ? "https://" + hostInUrl(publicHost) + ":" + GATEWAY_HTTPS_PORT
                    : "http://127.0.0.1:" + GATEWAY_PORT;
        }

        private static String hostInUrl(String host) {
            return host.contains(":") ? "[" + host + "]" : host;
        }

        static Settings fromEnvironment() {
            String pgHost = System.getenv("TUANJIE_PG_HOST");
            String issuer = System.getenv("OIDC_AUTH_SERVER_URL");
            int kcPort = Integer.parseInt(env("TUANJIE_KEYCLOAK_PORT", Integer.toString(18080 + OFFSET)));
            return new Settings(pgHost == null ? "127.0.0.1" : pgHost,
                    Integer.parseInt(env("TUANJIE_PG_PORT", pgHost == null ? Integer.toString(15432 + OFFSET) : "5432")),
                    env("TUANJIE_PG_USER", "postgres"), env("TUANJIE_PG_PASSWORD", "postgres"), pgHost == null,
                    issuer == null ? "http://127.0.0.1:" + kcPort + "/realms/unity" : issuer, issuer == null, kcPort,
                    Realm.DEMO, System.getenv("TUANJIE_PUBLIC_HOST") == null || System.getenv("TUANJIE_PUBLIC_HOST").isBlank()
                            ? null : System.getenv("TUANJIE_PUBLIC_HOST").trim());
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    void start() throws Exception {
        Files.createDirectories(state.resolve("logs"));
        checkPorts();
        if (settings.isPublic()) {
            tls = new LocalTls(state, settings.publicHost()).prepare();
            tls.trustInThisProcess();
            console.ok("HTTPS at " + settings.publicHost() + " with a certificate from this machine's own authority: install "
                    + root.relativize(tls.authorityCertificate()) + " on the phone (as a CA certificate) to trust it");
        }
        startPostgres();
        Process keycloak = settings.embeddedKeycloak() ? startKeycloak() : null;
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            startService(service.getKey(), service.getValue());
        }
        if (keycloak != null) {
            await("keycloak", keycloak, URI.create(settings.issuer() + "/.well-known/openid-configuration"), 300);
        }
        int i = keycloak == null ? 0 : 1;
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            int health = service.getKey().equals("gateway") ? GATEWAY_MANAGEMENT_PORT : service.getValue();
            await(service.getKey(), processes.get(i++), URI.create("http://127.0.0.1:" + health + "/q/health/ready"), 180);
        }
    }

    private void checkPorts() {
        List<String> busy = new ArrayList<>();
        Map<String, Integer> needed = new LinkedHashMap<>(SERVICES);
        needed.put("gateway management", GATEWAY_MANAGEMENT_PORT);
        if (settings.isPublic()) {
            needed.put("gateway https", GATEWAY_HTTPS_PORT);
        }
        if (settings.embeddedPostgres()) {
            needed.put("postgresql", settings.pgPort());
        }
        if (settings.embeddedKeycloak()) {
            needed.put("keycloak", settings.keycloakPort());
            needed.put("keycloak management", KEYCLOAK_MANAGEMENT_PORT);
            if (settings.isPublic()) {
                needed.put("keycloak https", KEYCLOAK_HTTPS_PORT);
            }
        }
        needed.forEach((name, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                busy.add(port + " (" + name + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new StartupFailure("Port(s) already in use: " + String.join(", ", busy)
                    + ". Stop what uses them (is the suite already running?) and run again.");
        }
    }

    private void startPostgres() throws IOException, SQLException {
        if (settings.embeddedPostgres()) {
            console.step("starting PostgreSQL (embedded, data in " + root.relativize(state.resolve("pg")) + ")");
            Path data = state.resolve("pg");
            Files.createDirectories(data);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                    .setPort(settings.pgPort()).setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                            state.resolve("logs/postgresql.log").toFile()));
            if (walArchive != null) {
                Files.createDirectories(walArchive);
                // the options reach postgres through pg_ctl's shell: single quotes keep the command one argument
                builder.setServerConfig("archive_mode", "on")
                        .setServerConfig("archive_command", "'cp \"%p\" \"" + walArchive + "/%f\"'");
            }
            postgres = builder.start();
        } else {
            console.step("using PostgreSQL at " + settings.pgHost() + ":" + settings.pgPort());
        }
        try (Connection c = DriverManager.getConnection(jdbc("postgres"), settings.pgUser(), settings.pgPassword());
                Statement s = c.createStatement()) {
            for (String db : List.of("units", "tasks", "agreements")) {
                try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + db + "'")) {
                    if (!rs.next()) {
                        s.execute("create database " + db + " encoding 'UTF8' template template0");
                        newDatabases |= db.equals("units");
                    }
                }
            }
        }
        console.ok("PostgreSQL ready on " + settings.pgHost() + ":" + settings.pgPort() + " (databases units, tasks, agreements)");
    }

    String jdbc(String database) {
        return "jdbc:postgresql://" + settings.pgHost() + ":" + databasePort + "/" + database;
    }

    /** Stops the four applications, PostgreSQL and Keycloak staying up (the restore drill). */
    void stopApplications() throws InterruptedException {
        int first = settings.embeddedKeycloak() ? 1 : 0;
        List<Process> applications = new ArrayList<>(processes.subList(first, processes.size()));
        for (int i = applications.size() - 1; i >= 0; i--) {
            applications.get(i).destroy();
        }
        for (Process p : applications) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        processes.removeAll(applications);
        console.step("stopped the four applications");
    }

    /** Starts the four applications on the PostgreSQL at {@code port} and waits until each is ready. */
    void startApplications(int port) throws IOException, InterruptedException {
        databasePort = port;
        int first = processes.size();
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            startService(service.getKey(), service.getValue());
        }
        int i = first;
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            int health = service.getKey().equals("gateway") ? GATEWAY_MANAGEMENT_PORT : service.getValue();
            await(service.getKey(), processes.get(i++), URI.create("http://127.0.0.1:" + health + "/q/health/ready"), 180);
        }
    }

    /**
     * A base backup of the running embedded PostgreSQL (BaseBackup), restored into a new data directory, replayed
     * from the WAL archive by a new PostgreSQL: returns its port, which {@link #rowCounts()} reads from then on.
     */
    int backupAndRestore() throws IOException, SQLException {
        if (postgres == null || walArchive == null) {
            throw new IllegalStateException("only the embedded PostgreSQL with its WAL archived is backed up here");
        }
        Path backup = state.resolve("pg-backup");
        BaseBackup.take(DriverManager.getConnection(jdbc("postgres"), settings.pgUser(), settings.pgPassword()),
                state.resolve("pg"), backup);
        console.ok("base backup taken (" + BaseBackup.size(backup) / (1024 * 1024) + " MB), WAL archived to "
                + state.relativize(walArchive));
        BaseBackup.prepareRecovery(backup, walArchive);
        int port = settings.pgPort() + 100;
        restored = EmbeddedPostgres.builder().setDataDirectory(backup).setCleanDataDirectory(false).setPort(port)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(state.resolve("logs/postgresql-restored.log").toFile()))
                .start();
        console.ok("a new PostgreSQL on port " + port + " replayed the archive from the backup");
        databasePort = port;
        return port;
    }

    /** The first column of a query's rows, on a service's database. */
    List<String> column(String database, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc(database), settings.pgUser(), settings.pgPassword());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Whether the restore drill can run: the launcher's own PostgreSQL, its WAL archived. */
    boolean walArchived() {
        return postgres != null && walArchive != null;
    }

    /** Rows per table of the three services' databases, on the PostgreSQL the services use now. */
    Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String db : List.of("units", "tasks", "agreements")) {
            try (Connection c = DriverManager.getConnection(jdbc(db), settings.pgUser(), settings.pgPassword());
                    Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select format('%I.%I', table_schema, table_name) from information_schema.tables "
                        + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                        rs.next();
                        counts.put(db + "." + table, rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    private Process startKeycloak() throws IOException {
        String configured = System.getenv("TUANJIE_KEYCLOAK_HOME");
        Path home = configured == null ? root.resolve(".local/keycloak") : Path.of(configured).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new StartupFailure("No Keycloak distribution at " + home + ": run deploy/run-local.sh, which fetches it.");
        }
        Path realm = root.resolve("deploy/keycloak/" + settings.realm().file);
        Path imported = home.resolve("data/import/realm-unity.json");
        Path stamp = home.resolve("data/.realm-sha256");
        byte[] realmFile = realmFor(realm);
        String hash = sha256(realmFile);
        // People's accounts live in Keycloak, their records in units-service's database: a new database starts
        // Keycloak's store anew too, or the demo people would find their usernames taken by the last run's accounts
        if (newDatabases || !Files.exists(stamp) || !Files.readString(stamp).equals(hash)) {
            // an existing realm is never re-imported: start from a clean store when the realm file changed
            deleteRecursively(home.resolve("data/h2"));
            newDatabases = false; // once: a restart of Keycloak in the same run keeps what it holds
            Files.createDirectories(imported.getParent());
            Files.write(imported, realmFile);
            Files.writeString(stamp, hash);
            console.step("starting Keycloak (first start imports realm unity and builds: 1–2 minutes)");
        } else {
            console.step("starting Keycloak");
        }
        int port = settings.keycloakPort();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port", Integer.toString(port), "--import-realm", "--health-enabled=true",
                "--http-management-port", Integer.toString(KEYCLOAK_MANAGEMENT_PORT)));
        if (settings.isPublic()) {
            // browsers (the phone's) come over HTTPS at the public address, which is the issuer of every token; the
            // services and the demo loader keep talking to the local HTTP port (back channel, same issuer)
            command.addAll(List.of("--http-host", "0.0.0.0", "--https-port", Integer.toString(KEYCLOAK_HTTPS_PORT),
                    "--https-key-store-file=" + tls.serverStore(), "--https-key-store-password=" + LocalTls.PASSWORD,
                    "--hostname=" + settings.publicIssuer().replace("/realms/unity", ""),
                    "--hostname-backchannel-dynamic=true"));
        } else {
            command.addAll(List.of("--http-host", "127.0.0.1", "--hostname=http://127.0.0.1:" + port));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return launch("keycloak", builder);
    }

    private void startService(String name, int port) throws IOException {
        Path jar = root.resolve(name + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new StartupFailure("Missing " + root.relativize(jar) + ": build first (deploy/run-local.sh does).");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        // Java 25's compact object headers: 8 bytes less per object, on by choice in this release
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + Settings.env("TUANJIE_SERVICE_HEAP", "384m"),
                "-XX:+UseCompactObjectHeaders"));
        command.addAll(aotCache(name, jar));
        // for measurements (bench/files.sh: a GC log and a heap dump on OutOfMemoryError per service)
        String options = Settings.env("TUANJIE_SERVICE_JVM_OPTIONS", "").replace("{service}", name);
        if (!options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        if (name.equals("gateway") && settings.isPublic()) {
            // a named TLS configuration for the public port only: the management interface (health, metrics) stays
            // plain HTTP on the loopback, as the launcher and the operators' scrapers reach it
            command.addAll(List.of("-Dquarkus.http.host=0.0.0.0", "-Dquarkus.http.ssl-port=" + GATEWAY_HTTPS_PORT,
                    "-Dquarkus.http.tls-configuration-name=phone", "-Dquarkus.tls.phone.key-store.p12.path=" + tls.serverStore(),
                    "-Dquarkus.tls.phone.key-store.p12.password=" + LocalTls.PASSWORD));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(state.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        if (name.equals("gateway")) {
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(GATEWAY_MANAGEMENT_PORT));
        }
        env.put("OIDC_AUTH_SERVER_URL", settings.issuer());
        env.put("OIDC_PUBLIC_URL", settings.publicIssuer());
        env.put("UNITS_SERVICE_URL", "http://127.0.0.1:" + SERVICES.get("units-service"));
        env.put("TASKS_SERVICE_URL", "http://127.0.0.1:" + SERVICES.get("tasks-service"));
        env.put("AGREEMENTS_SERVICE_URL", "http://127.0.0.1:" + SERVICES.get("agreements-service"));
        for (String db : List.of("units", "tasks", "agreements")) {
            String prefix = db.toUpperCase(Locale.ROOT);
            env.put(prefix + "_DB_URL", jdbc(db));
            env.put(prefix + "_DB_USER", settings.pgUser());
            env.put(prefix + "_DB_PASSWORD", settings.pgPassword());
        }
        env.put("SEAL_KEY_FILE", state.resolve("seal-ed25519.pem").toString());
        env.put("SEAL_KEYS_DIR", state.resolve("seal-keys").toString());
        // the service's own identity for the unit feed: the realm's demo secret, unless one is given
        String feedSecret = System.getenv(name.toUpperCase(Locale.ROOT).replace('-', '_') + "_FEED_SECRET");
        env.put("UNIT_FEED_CLIENT_SECRET", Objects.requireNonNullElse(feedSecret, name + "-demo-secret"));
        if (name.equals("units-service")) {
            // its identity at Keycloak's admin API, to create people's accounts: the realm's demo secret, unless one is given
            env.put("UNITS_ACCOUNTS_CLIENT_SECRET", Objects.requireNonNullElse(System.getenv("UNITS_ACCOUNTS_CLIENT_SECRET"),
                    "units-service-demo-secret"));
        }
        // webhook receivers on this machine are allowed locally (a developer's, the end-to-end run's); a deployment
        // names the county's own networks instead
        env.put("WEBHOOKS_ALLOWED_PRIVATE_NETWORKS", Objects.requireNonNullElse(System.getenv("WEBHOOKS_ALLOWED_PRIVATE_NETWORKS"),
                "127.0.0.0/8"));
        env.put("GATEWAY_CORS_ORIGINS", "http://localhost:" + GATEWAY_PORT + ",http://127.0.0.1:" + GATEWAY_PORT
                + ",http://localhost:8100" + (settings.isPublic() ? "," + settings.gatewayUrl() : ""));
        console.step("starting " + name + " on port " + port);
        launch(name, builder);
    }

    /**
     * Java 25's ahead-of-time cache (JEP 483, 514, 515): the first run of a build records what it loads, links and
     * profiles and writes the cache as it stops; later runs of the same build start from it (bench/RESULTS-peers.md
     * measures what it gives). A cache of another build is removed; {@code TUANJIE_AOT=off} runs without one.
     */
    private List<String> aotCache(String name, Path jar) throws IOException {
        if (Runtime.version().feature() < 25 || Settings.env("TUANJIE_AOT", "on").equals("off")) {
            return List.of();
        }
        Path dir = Files.createDirectories(state.resolve("aot"));
        String build = name + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
        Path cache = dir.resolve(build + ".aot");
        if (Files.exists(cache)) {
            return List.of("-XX:AOTCache=" + cache);
        }
        try (var earlier = Files.list(dir)) {
            for (Path old : earlier.filter(p -> p.getFileName().toString().startsWith(name + "-")).toList()) {
                Files.deleteIfExists(old);
            }
        }
        return List.of("-XX:AOTCacheOutput=" + cache);
    }

    private Process launch(String name, ProcessBuilder builder) throws IOException {
        Path log = state.resolve("logs/" + name + ".log");
        logs.put(name, log);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void await(String name, Process process, URI ready, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StartupFailure(name + " exited (code " + process.exitValue() + "). Last lines of "
                        + root.relativize(logs.get(name)) + ":\n" + tail(logs.get(name), 25));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    console.ok(name + " ready (" + (System.nanoTime() - start) / 1_000_000_000 + " s)");
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new StartupFailure(name + " was not ready within " + seconds + " s; see " + root.relativize(logs.get(name)));
    }

    /** Something to do while the identity server is down. */
    interface Outage {
        void meanwhile() throws Exception;
    }

    /**
     * Stops the embedded Keycloak, does {@code meanwhile}, and starts Keycloak again on the same store: the
     * end-to-end run's proof that a write needing the identity server fails whole while it is gone.
     */
    void withKeycloakStopped(Outage meanwhile) throws Exception {
        if (!settings.embeddedKeycloak()) {
            throw new IllegalStateException("the identity server is not the launcher's to stop");
        }
        Process keycloak = processes.get(0);
        keycloak.destroy();
        if (!keycloak.waitFor(30, TimeUnit.SECONDS)) {
            keycloak.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        console.step("Keycloak stopped");
        try {
            meanwhile.meanwhile();
        } finally {
            Process again = startKeycloak();
            processes.remove(processes.size() - 1); // launch() appended it: it keeps Keycloak's place
            processes.set(0, again);
            await("keycloak", again, URI.create(settings.issuer() + "/.well-known/openid-configuration"), 300);
        }
    }

    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        for (EmbeddedPostgres pg : java.util.Arrays.asList(restored, postgres)) {
            if (pg != null) {
                try {
                    pg.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        console.step("stopped everything the launcher started");
    }

    /** Blocks until Ctrl-C (the shutdown hook stops the suite) or a process dies. */
    void awaitShutdown() throws InterruptedException {
        while (!stopped) {
            for (int i = 0; i < processes.size(); i++) {
                if (!processes.get(i).isAlive() && !stopped) {
                    String name = new ArrayList<>(logs.keySet()).get(i);
                    console.fail(name + " exited; see " + root.relativize(logs.get(name)));
                }
            }
            Thread.sleep(2000);
        }
    }

    Map<String, Path> logs() {
        return logs;
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /**
     * The realm as Keycloak imports it: the file itself, or, for a public host, with the HTTPS addresses of the field app
     * and Swagger UI among the places their logins may return to (and so among the origins allowed to fetch tokens).
     */
    private byte[] realmFor(Path realm) throws IOException {
        byte[] file = Files.readAllBytes(realm);
        if (!settings.isPublic()) {
            return file;
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode tree = json.readTree(file);
        Map<String, List<String>> returns = Map.of("mobile-app", List.of(settings.gatewayUrl() + "/app/*",
                settings.gatewayUrl() + "/dashboard/*"), "swagger-ui", List.of(settings.gatewayUrl() + "/*"));
        for (JsonNode client : tree.path("clients")) {
            List<String> allowed = returns.get(client.path("clientId").asText());
            if (allowed != null && client.path("redirectUris").isArray()) {
                allowed.forEach(((ArrayNode) client.get("redirectUris"))::add);
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
