package org.tuanjie.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The suite's public API as a client sees it: tokens from the identity server by real OIDC flows,
 * every call through the gateway.
 */
final class Api {

    static final String PASSWORD = "demo-2026";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String gateway;
    private final String issuer;
    private final String loginIssuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /**
     * @param issuer      where tokens are asked for (the back channel)
     * @param loginIssuer where people's browsers log in: the same, or Keycloak's public HTTPS address
     */
    Api(String gateway, String issuer, String loginIssuer) {
        this.gateway = gateway;
        this.issuer = issuer;
        this.loginIssuer = loginIssuer;
    }

    /** The gateway's address, e.g. {@code http://127.0.0.1:8080}. */
    String gateway() {
        return gateway;
    }

    /** A user's access token by the password grant of the scripted-login client. */
    String token(String user) {
        return tokens.computeIfAbsent(user, u -> accessToken(passwordGrant(u, PASSWORD)));
    }

    /** The county platform's token by the client credentials grant. */
    String platformToken() {
        return tokens.computeIfAbsent("county-platform", u -> accessToken(tokenRequest(
                "grant_type=client_credentials&client_id=county-platform&client_secret=county-platform-demo-secret")));
    }

    /**
     * The identity server's answer to a password grant, refusals included (400 "Account disabled", 401 "Invalid user
     * credentials"), uncached: for checks that an account works, or no longer does.
     */
    Reply passwordGrant(String user, String password) {
        return tokenRequest("grant_type=password&client_id=tuanjie-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    /**
     * Takes an account the people API created into use: its first login replaces the temporary password with
     * {@link #PASSWORD}, as the person would at Keycloak's pages. Returns that login's access token.
     */
    String firstLogin(String user, String temporaryPassword) {
        return new FirstLogin(loginIssuer).complete(user, temporaryPassword, PASSWORD);
    }

    /**
     * A temporary password as an office hands it to a new person, random, and of every character class a
     * production password policy asks for.
     */
    static String temporaryPassword() {
        return "Tj-" + Long.toString(new java.security.SecureRandom().nextLong() >>> 1, 36) + "-Aa1!";
    }

    private Reply tokenRequest(String form) {
        return send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String accessToken(Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("no token from the identity server: " + reply.status() + " " + reply.body());
        }
        return reply.body().get("access_token").asText();
    }

    Reply get(String token, String path) {
        return send(base(token, path).GET().build());
    }

    Reply post(String token, String path, Object body) {
        return send(base(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    Reply postCsv(String token, String path, String csv) {
        return send(base(token, path).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    /**
     * A file as a browser or a phone sends it in one request: one multipart part named {@code file}, the
     * whole body's length announced (the suite refuses chunked uploads with 411).
     */
    Reply upload(String token, String path, String fileName, String contentType, byte[] bytes) {
        String boundary = "tuanjie-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        // one array: a body of parts has no known length, and the client sends it without one
        byte[] body = ByteBuffer.allocate(head.length + bytes.length + tail.length).put(head).put(bytes).put(tail).array();
        return send(base(token, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /**
     * Any request, with the headers given and the body as bytes (none when null): for the resumable upload
     * protocol and for a browser's preflight.
     */
    Reply exchange(String token, String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = base(token, path);
        headers.forEach(request::setHeader);
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A file's bytes, or the refusal. */
    Download download(String token, String path) {
        HttpRequest request = base(token, path).setHeader("Accept", "*/*").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A change that needs the resource's current ETag, read first with the same token. */
    Reply change(String token, String method, String resource, String action, Object body) {
        String etag = get(token, resource).etag();
        HttpRequest.Builder request = base(token, resource + (action == null ? "" : "/" + action))
                .header("If-Match", etag == null ? "\"0\"" : etag).header("Content-Type", "application/json");
        String payload = body == null ? "" : json(body);
        return send(request.method(method, HttpRequest.BodyPublishers.ofString(payload)).build());
    }

    private HttpRequest.Builder base(String token, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 429 && attempt < 10) {
                    Thread.sleep(1000);
                    continue;
                }
                String text = response.body();
                JsonNode body = text == null || text.isBlank() ? NullNode.instance : parse(text);
                return new Reply(response.statusCode(), body, response.headers().firstValue("ETag").orElse(null), text,
                        response.headers());
            } catch (IOException e) {
                throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    record Download(int status, byte[] bytes, HttpHeaders headers) {
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, JsonNode body, String etag, String raw, HttpHeaders headers) {

        /** The answer's header, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        Reply expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected " + expected + ", got " + status + " " + raw);
            }
            return this;
        }

        String text(String field) {
            return body.path(field).asText(null);
        }
    }
}
