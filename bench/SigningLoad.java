import java.io.IOException;
import java.io.PrintWriter;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The leaders' side of bench/signing.sh, run from source ({@code java bench/SigningLoad.java ...}, no dependencies):
 *
 * <pre>
 *   first-login ISSUER USERS PARALLEL            USERS: username TAB temporary password; each account taken into use
 *                                                 by Keycloak's login and update-password pages, new password demo-2026
 *   sign GATEWAY ISSUER PLAN WINDOW_S OUT        PLAN: username TAB agreement id. Untimed: each leader's token (password
 *                                                 grant) and the agreement read with it (its ETag), then OUT.ready is
 *                                                 written and OUT.go awaited. Timed: every leader's POST .../sign at a
 *                                                 fixed arrival rate, all of them spread evenly over WINDOW_S seconds
 *                                                 (open loop: a slow answer never delays the next leader). Writes OUT
 *                                                 (one line a request) and OUT.summary (KEY=value).
 * </pre>
 *
 * Latency is counted from the moment a request was due, not from when it went out, so a client falling behind would
 * show in the figures instead of hiding them (coordinated omission); the time from sending is kept beside it.
 */
public class SigningLoad {

    static final String PASSWORD = "demo-2026";
    static final String CLI_CLIENT = "tuanjie-cli";
    /** The field app's public client, whose login pages a person's first login goes through (as deploy/launcher's FirstLogin). */
    static final String APP_CLIENT = "mobile-app";
    static final String REDIRECT_URI = "http://localhost:8100/first-login";
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "first-login" -> firstLogins(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            case "sign" -> sign(URI.create(args[1]), args[2], Path.of(args[3]), Double.parseDouble(args[4]), Path.of(args[5]));
            default -> {
                System.err.println("usage: first-login ISSUER USERS PARALLEL | sign GATEWAY ISSUER PLAN WINDOW_S OUT");
                System.exit(2);
            }
        }
    }

    // ---- first logins ----------------------------------------------------------------------------------------------

    static void firstLogins(String issuer, Path users, int parallel) throws Exception {
        List<String[]> rows = rows(users);
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        inParallel(rows, parallel, row -> {
            try {
                firstLogin(issuer, row[0], row[1]);
            } catch (Exception e) {
                failed.add(row[0] + ": " + e.getMessage());
            }
            int n = done.incrementAndGet();
            if (n % 100 == 0) {
                System.out.println("  " + n + " first logins done");
            }
            return null;
        });
        if (!failed.isEmpty()) {
            failed.stream().limit(5).forEach(System.err::println);
            throw new IllegalStateException(failed.size() + " first logins failed");
        }
    }

    /** Keycloak's login page with the temporary password, its update-password page, then back to the app with a code. */
    static void firstLogin(String issuer, String username, String temporary) throws Exception {
        CookieManager jar = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(loopbackCountsAsSecure(jar))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        try (http) {
            String verifier = randomToken();
            String state = randomToken();
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            Page login = follow(http, issuer, HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/auth?"
                    + form(Map.of("client_id", APP_CLIENT, "response_type", "code", "scope", "openid", "redirect_uri", REDIRECT_URI,
                    "state", state, "code_challenge", challenge, "code_challenge_method", "S256")))).GET().build());
            Page update = follow(http, issuer, post(formAction(login, "kc-form-login"),
                    Map.of("username", username, "password", temporary, "credentialId", "")));
            Page back = follow(http, issuer, post(formAction(update, "kc-passwd-update-form"),
                    Map.of("password-new", PASSWORD, "password-confirm", PASSWORD)));
            if (back.html() != null) {
                throw new IllegalStateException("Keycloak did not send " + username + " back to the app (status " + back.status() + ")");
            }
            Map<String, String> answer = query(back.uri());
            if (!state.equals(answer.get("state")) || answer.get("code") == null) {
                throw new IllegalStateException("no code for " + username + ": " + back.uri());
            }
        }
    }

    record Page(int status, URI uri, String html) {
    }

    /** Sends and follows Keycloak's redirects until one of its pages answers or the redirect back to the app. */
    static Page follow(HttpClient http, String issuer, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int hops = 0; response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            URI next = response.uri().resolve(location);
            if (next.toString().startsWith(REDIRECT_URI)) {
                return new Page(response.statusCode(), next, null);
            }
            if (hops == 10) {
                throw new IllegalStateException("more than 10 redirects");
            }
            response = http.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        return new Page(response.statusCode(), response.uri(), response.body());
    }

    static URI formAction(Page page, String formId) {
        if (page.html() != null) {
            Matcher forms = FORM.matcher(page.html());
            while (forms.find()) {
                Matcher action = ACTION.matcher(forms.group());
                if (forms.group().contains("id=\"" + formId + "\"") && action.find()) {
                    return page.uri().resolve(action.group(1).replace("&amp;", "&"));
                }
            }
        }
        throw new IllegalStateException("no form " + formId + " on Keycloak's page (status " + page.status() + ")");
    }

    static HttpRequest post(URI uri, Map<String, String> fields) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build();
    }

    /** Keycloak marks its login cookies Secure over http too; a browser sends them to loopback, the JDK's jar only to https. */
    static CookieHandler loopbackCountsAsSecure(CookieManager jar) {
        return new CookieHandler() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                boolean loopback = "http".equals(uri.getScheme()) && uri.getHost() != null
                        && (uri.getHost().startsWith("127.") || uri.getHost().equals("localhost"));
                return jar.get(loopback ? URI.create("https" + uri.toString().substring(4)) : uri, headers);
            }

            @Override
            public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                jar.put(uri, headers);
            }
        };
    }

    // ---- signing ---------------------------------------------------------------------------------------------------

    record Leader(String username, String agreementId, String token, String etag) {
    }

    record Outcome(int index, String username, int status, long dueNanos, long sentNanos, long doneNanos, String problem) {
    }

    static void sign(URI gateway, String issuer, Path plan, double windowSeconds, Path out) throws Exception {
        List<String[]> rows = rows(plan);
        // the order they sign in is no one's choice: shuffled, the same every run
        Collections.shuffle(rows, new Random(2026));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

        long prepared = System.nanoTime();
        List<String> tokens = inParallel(rows, 4, row -> token(http, issuer, row[0]));
        System.out.printf("  %d tokens from Keycloak in %.1f s%n", tokens.size(), (System.nanoTime() - prepared) / 1e9);
        List<Leader> unread = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            unread.add(new Leader(rows.get(i)[0], rows.get(i)[1], tokens.get(i), null));
        }
        // what the leader's phone shows before the button: the agreement, and with it the version to sign (If-Match)
        List<Leader> leaders = inParallel(unread, 8, leader -> {
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/agreements/" + leader.agreementId()))
                    .header("Authorization", "Bearer " + leader.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (read.statusCode() != 200 || !read.body().contains("\"ISSUED\"")) {
                throw new IllegalStateException(leader.username() + " reads agreement " + leader.agreementId() + ": "
                        + read.statusCode() + " " + read.body());
            }
            return new Leader(leader.username(), leader.agreementId(), leader.token(), read.headers().firstValue("ETag").orElseThrow());
        });

        Path ready = Path.of(out + ".ready");
        Path go = Path.of(out + ".go");
        Files.writeString(ready, "");
        while (!Files.exists(go)) {
            Thread.sleep(20);
        }

        int n = leaders.size();
        long interval = Math.round(windowSeconds * 1e9 / n);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        List<Future<Outcome>> pending = new ArrayList<>(n);
        long startEpochMillis = System.currentTimeMillis();
        long start = System.nanoTime() + 50_000_000L;
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int index = i;
                Leader leader = leaders.get(i);
                long due = start + i * interval;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                pending.add(requests.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/agreements/" + leader.agreementId() + "/sign"))
                            .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + leader.token())
                            .header("If-Match", leader.etag()).POST(HttpRequest.BodyPublishers.noBody()).build();
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long done = System.nanoTime();
                        String problem = answer.statusCode() == 200 ? null : answer.body().replaceAll("\\s+", " ");
                        return new Outcome(index, leader.username(), answer.statusCode(), due, sent, done, problem);
                    } catch (IOException e) {
                        return new Outcome(index, leader.username(), 0, due, sent, System.nanoTime(), e.toString());
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }));
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : pending) {
            outcomes.add(f.get());
        }
        long endEpochMillis = startEpochMillis + (outcomes.stream().mapToLong(Outcome::doneNanos).max().orElse(start) - start) / 1_000_000
                + 50;
        write(out, outcomes, start);
        summarize(Path.of(out + ".summary"), outcomes, start, n, windowSeconds, mostInFlight.get(), startEpochMillis + 50,
                endEpochMillis);
    }

    static String token(HttpClient http, String issuer, String username) throws Exception {
        HttpResponse<String> answer = http.send(post(URI.create(issuer + "/protocol/openid-connect/token"), Map.of(
                "grant_type", "password", "client_id", CLI_CLIENT, "username", username, "password", PASSWORD)),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token for " + username + ": " + answer.statusCode() + " " + answer.body());
        }
        return token.group(1);
    }

    static void write(Path out, List<Outcome> outcomes, long start) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("index\tusername\tstatus\tdue_ms\tlatency_ms\tfrom_sent_ms\tproblem");
            for (Outcome o : outcomes) {
                w.printf("%d\t%s\t%d\t%.1f\t%.1f\t%.1f\t%s%n", o.index(), o.username(), o.status(), (o.dueNanos() - start) / 1e6,
                        (o.doneNanos() - o.dueNanos()) / 1e6, (o.doneNanos() - o.sentNanos()) / 1e6,
                        o.problem() == null ? "" : o.problem().substring(0, Math.min(200, o.problem().length())));
            }
        }
    }

    static void summarize(Path file, List<Outcome> outcomes, long start, int n, double window, int mostInFlight,
            long startEpochMillis, long endEpochMillis) throws IOException {
        List<Outcome> ok = outcomes.stream().filter(o -> o.status() == 200).toList();
        double[] latency = ok.stream().mapToDouble(o -> (o.doneNanos() - o.dueNanos()) / 1e6).sorted().toArray();
        double[] fromSent = ok.stream().mapToDouble(o -> (o.doneNanos() - o.sentNanos()) / 1e6).sorted().toArray();
        double lateSend = outcomes.stream().mapToDouble(o -> (o.sentNanos() - o.dueNanos()) / 1e6).max().orElse(0);
        long last = outcomes.stream().mapToLong(Outcome::doneNanos).max().orElse(start);
        double span = (last - start) / 1e9;
        Map<String, Long> errors = new TreeMap<>(outcomes.stream().filter(o -> o.status() != 200)
                .collect(Collectors.groupingBy(o -> Integer.toString(o.status()), Collectors.counting())));
        Map<String, String> s = new java.util.LinkedHashMap<>();
        s.put("REQUESTS", Integer.toString(n));
        s.put("WINDOW_S", fmt(window));
        s.put("OFFERED_PER_S", fmt(n / window));
        s.put("OK", Integer.toString(ok.size()));
        s.put("ERRORS", Integer.toString(n - ok.size()));
        s.put("ERRORS_BY_STATUS", errors.isEmpty() ? "none" : errors.entrySet().stream().map(e -> e.getValue() + "×" + e.getKey())
                .collect(Collectors.joining(",")));
        s.put("FIRST_ERROR", outcomes.stream().filter(o -> o.problem() != null).map(o -> o.status() + " " + o.problem())
                .findFirst().map(p -> p.substring(0, Math.min(160, p.length())).replace('\'', ' ')).orElse(""));
        s.put("P50_MS", fmt(percentile(latency, 50)));
        s.put("P90_MS", fmt(percentile(latency, 90)));
        s.put("P99_MS", fmt(percentile(latency, 99)));
        s.put("MAX_MS", fmt(latency.length == 0 ? Double.NaN : latency[latency.length - 1]));
        s.put("MEAN_MS", fmt(Arrays.stream(latency).average().orElse(Double.NaN)));
        s.put("MEAN_ALL_MS", fmt(outcomes.stream().mapToDouble(o -> (o.doneNanos() - o.dueNanos()) / 1e6).average().orElse(Double.NaN)));
        s.put("P99_FROM_SENT_MS", fmt(percentile(fromSent, 99)));
        s.put("LATEST_SEND_MS", fmt(lateSend));
        s.put("SPAN_S", fmt(span));
        s.put("THROUGHPUT_PER_S", fmt(ok.size() / span));
        s.put("MOST_IN_FLIGHT", Integer.toString(mostInFlight));
        s.put("START_EPOCH_MS", Long.toString(startEpochMillis));
        s.put("END_EPOCH_MS", Long.toString(endEpochMillis));
        Files.writeString(file, s.entrySet().stream().map(e -> e.getKey() + "='" + e.getValue() + "'")
                .collect(Collectors.joining("\n", "", "\n")));
        s.forEach((k, v) -> System.out.println("  " + k + " = " + v));
    }

    /** Nearest rank: the value at or below which p% of the answers lie. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(java.util.Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    // ---- plumbing --------------------------------------------------------------------------------------------------

    interface Call<T, R> {
        R apply(T t) throws Exception;
    }

    /** Applies {@code call} to every item with at most {@code parallel} at once; the results in the items' order. */
    static <T, R> List<R> inParallel(List<T> items, int parallel, Call<T, R> call) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> call.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    static List<String[]> rows(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList());
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
