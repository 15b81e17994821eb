package org.tuanjie.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's first login, by HTTP as their browser would do it: Keycloak's own login page with the temporary
 * password the office set through units-service, then its update-password page, then back to the app with a code. An
 * account created with a temporary password cannot use the password grant until then (Keycloak answers
 * "Account is not fully set up"), so this is the only way a script can take such an account into use
 * without an admin setting the password for the person.
 */
final class FirstLogin {

    /** The mobile app's public client: the authorization code flow with PKCE, which a person's login uses. */
    static final String CLIENT = "mobile-app";
    /**
     * Allowed by the demo realm's {@code http://localhost:8100/*}; nothing listens there, the code is read from the
     * Location. The production realm allows no such address: there a person takes their account into use themselves.
     */
    static final String REDIRECT_URI = "http://localhost:8100/first-login";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    /** Where Keycloak's login theme puts its messages: an alert, a field's error, or the error page's text. */
    private static final List<Pattern> MESSAGES = List.of(
            Pattern.compile("kc-feedback-text\"[^>]*>([^<]+)<"),
            Pattern.compile("id=\"input-error[^\"]*\"[^>]*>\\s*<span[^>]*>([^<]+)<"),
            Pattern.compile("id=\"kc-error-message\"[^>]*>\\s*<p[^>]*>([^<]+)<"));

    private final String issuer;
    private final URI origin;

    /** @param issuer the realm's issuer URL, e.g. {@code http://127.0.0.1:18080/realms/unity} */
    FirstLogin(String issuer) {
        this.issuer = issuer;
        URI uri = URI.create(issuer);
        this.origin = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    /** Signs in with the temporary password, sets the new one, and returns the access token of that login. */
    String complete(String username, String temporaryPassword, String newPassword) {
        // a cookie jar of its own: Keycloak keeps the login's state in cookies, and another person's session must not leak in
        Session session = new Session(username);
        String verifier = randomToken();
        String state = randomToken();

        Page login = session.follow("opening the login page", session.get(URI.create(issuer
                + "/protocol/openid-connect/auth?" + form(Map.of("client_id", CLIENT, "response_type", "code",
                "scope", "openid", "redirect_uri", REDIRECT_URI, "state", state,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256")))));
        Page update = session.follow("signing in with the temporary password", session.post(
                session.formAction(login, "kc-form-login"),
                Map.of("username", username, "password", temporaryPassword, "credentialId", "")));
        if (update.backAtTheApp()) {
            throw session.failed(update, "Keycloak asked for no new password: the password was not a temporary one");
        }
        Page back = session.follow("setting the new password", session.post(
                session.formAction(update, "kc-passwd-update-form"),
                Map.of("password-new", newPassword, "password-confirm", newPassword)));
        if (!back.backAtTheApp()) {
            throw session.failed(back, "Keycloak did not send the person back to " + REDIRECT_URI);
        }
        Map<String, String> answer = query(back.uri());
        if (answer.containsKey("error")) {
            throw session.failed(back, "returned an error: " + answer.get("error") + " " + answer.getOrDefault("error_description", ""));
        }
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw session.failed(back, "returned without the code, or with another login's state: " + back.uri());
        }

        HttpResponse<String> token = session.send("exchanging the code for a token", HttpRequest.newBuilder(
                        URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "client_id", CLIENT, "code", answer.get("code"), "redirect_uri", REDIRECT_URI,
                        "code_verifier", verifier)))).build());
        JsonNode body = parse(token.body());
        if (token.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw new Failed(username, "exchanging the code for a token", token.statusCode(),
                    body.path("error").asText("") + " " + body.path("error_description").asText(""));
        }
        return body.get("access_token").asText();
    }

    /** A step went otherwise than a first login goes; names the person, the step, Keycloak's status and message. */
    static final class Failed extends IllegalStateException {

        Failed(String username, String step, int status, String detail) {
            super("first login of " + username + ": " + step + " answered " + status
                    + (detail == null || detail.isBlank() ? "" : ": " + detail.strip()));
        }
    }

    /** Where a step ended: on one of Keycloak's pages, or back at the app's redirect URI with the answer in the query. */
    private record Page(String step, int status, URI uri, String html) {

        boolean backAtTheApp() {
            return html == null;
        }
    }

    /** One person's browser: a cookie jar, redirects followed by hand so that the one back to the app is seen. */
    private final class Session {

        private final String username;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(loopbackCountsAsSecure(new CookieManager()))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        Session(String username) {
            this.username = username;
        }

        HttpRequest get(URI uri) {
            return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        }

        HttpRequest post(URI uri, Map<String, String> fields) {
            return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build();
        }

        /** Sends the request and follows Keycloak's redirects until one of its pages answers or it sends the person back. */
        Page follow(String step, HttpRequest request) {
            HttpResponse<String> response = send(step, request);
            for (int hops = 0; response.statusCode() / 100 == 3; hops++) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null || hops == 10) {
                    throw new Failed(username, step, response.statusCode(), location == null ? "a redirect without Location"
                            : "more than 10 redirects");
                }
                URI next = response.uri().resolve(location);
                if (next.toString().startsWith(REDIRECT_URI)) {
                    return new Page(step, response.statusCode(), next, null);
                }
                if (!origin.equals(URI.create(next.getScheme() + "://" + next.getRawAuthority()))) {
                    throw new Failed(username, step, response.statusCode(), "redirected away from Keycloak to " + next);
                }
                response = send(step, get(next));
            }
            return new Page(step, response.statusCode(), response.uri(), response.body());
        }

        /** The action of the page's form with that id, where the step's answer is posted. */
        URI formAction(Page page, String formId) {
            if (page.status() == 200 && !page.backAtTheApp()) {
                Matcher forms = FORM.matcher(page.html());
                while (forms.find()) {
                    String tag = forms.group();
                    Matcher action = ACTION.matcher(tag);
                    if (tag.contains("id=\"" + formId + "\"") && action.find()) {
                        return page.uri().resolve(unescape(action.group(1)));
                    }
                }
            }
            throw failed(page, "no form " + formId + " on the page");
        }

        Failed failed(Page page, String what) {
            String message = page.html() == null ? null : message(page.html());
            return new Failed(username, page.step(), page.status(), what + (message == null ? "" : " (Keycloak says: " + message + ")"));
        }

        HttpResponse<String> send(String step, HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException("first login of " + username + ": " + step + ": " + request.uri()
                        + " unreachable: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Keycloak marks its login cookies Secure even over http. Browsers still send them to http://localhost and
     * 127.0.0.1, which they count as secure origins; the JDK's cookie jar does not, and Keycloak would answer "Restart
     * login cookie not found". So the jar is asked as if a loopback address were https.
     */
    static CookieHandler loopbackCountsAsSecure(CookieManager jar) {
        return new CookieHandler() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                return jar.get(isLoopbackHttp(uri) ? URI.create("https" + uri.toString().substring(4)) : uri, headers);
            }

            @Override
            public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                jar.put(uri, headers);
            }
        };
    }

    private static boolean isLoopbackHttp(URI uri) {
        String host = uri.getHost();
        return "http".equalsIgnoreCase(uri.getScheme()) && host != null
                && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    static String message(String html) {
        for (Pattern pattern : MESSAGES) {
            Matcher m = pattern.matcher(html);
            if (m.find() && !m.group(1).isBlank()) {
                return unescape(m.group(1).strip());
            }
        }
        return null;
    }

    /** The entities Keycloak's templates write into attributes and messages. */
    static String unescape(String html) {
        Matcher numeric = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(html);
        StringBuilder decoded = new StringBuilder();
        while (numeric.find()) {
            int code = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            numeric.appendReplacement(decoded, Matcher.quoteReplacement(Character.toString(code)));
        }
        numeric.appendTail(decoded);
        return decoded.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&apos;", "'").replace("&amp;", "&");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                values.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
