package org.tuanjie.units.people.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tuanjie.units.people.AccountRole;
import org.tuanjie.units.people.Accounts;
import org.tuanjie.units.people.PeopleExceptions.AccountLeftBehind;
import org.tuanjie.units.people.PeopleExceptions.IdentityUnavailable;
import org.tuanjie.units.people.PeopleExceptions.PasswordRefused;
import org.tuanjie.units.people.PeopleExceptions.UsernameTaken;

/**
 * People's accounts in Keycloak, through its Admin REST API, as the realm's confidential client of this
 * service (client credentials). Its service account needs only the {@code realm-management} roles
 * {@code manage-users} and {@code view-users}: it cannot touch clients, roles or realm settings.
 *
 * <p>A new account is made disabled and given its roles; it is enabled once the write that made it is done. If a
 * step fails, what was begun is removed, and whatever the removal could not reach is at worst a disabled
 * account nobody can use.
 */
@ApplicationScoped
public class KeycloakAccounts implements Accounts {

    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class);

    @ConfigProperty(name = "units.accounts.realm-url")
    Optional<String> realmUrl;

    @ConfigProperty(name = "units.accounts.client-id", defaultValue = "units-service")
    String clientId;

    @ConfigProperty(name = "units.accounts.client-secret")
    Optional<String> clientSecret;

    @ConfigProperty(name = "units.accounts.otp", defaultValue = "false")
    boolean otp;

    @ConfigProperty(name = "units.accounts.timeout", defaultValue = "5s")
    Duration timeout;

    @Inject
    ObjectMapper json;

    private volatile HttpClient http;
    private volatile String token;
    private volatile Instant tokenExpires = Instant.MIN;

    @Override
    public String create(NewAccount account) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", account.username());
        user.put("enabled", false);
        user.put("firstName", account.firstName());
        user.put("lastName", account.lastName());
        user.put("attributes", Map.of("unit_code", List.of(account.unitCode()),
                "person_id", List.of(account.personId().toString())));
        user.put("credentials", List.of(Map.of("type", "password", "value", account.temporaryPassword(), "temporary", true)));
        user.put("requiredActions", otp ? List.of("UPDATE_PASSWORD", "CONFIGURE_TOTP") : List.of("UPDATE_PASSWORD"));
        HttpResponse<String> created = send("POST", "/users", user);
        if (created.statusCode() == 409) {
            throw new UsernameTaken(account.username());
        }
        if (created.statusCode() == 400) {
            throw new PasswordRefused(errorOf(created));
        }
        expect(created, 201, "create the account");
        String location = created.headers().firstValue("Location").orElseThrow(
                () -> new IdentityUnavailable("the identity server made an account but did not say where"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        try {
            grant(id, account.roles());
            return id;
        } catch (RuntimeException e) {
            if (!remove(id)) {
                throw new AccountLeftBehind(id, e.getMessage());
            }
            throw e;
        }
    }

    private void grant(String id, Set<AccountRole> roles) {
        HttpResponse<String> available = send("GET", "/users/" + id + "/role-mappings/realm/available", null);
        expect(available, 200, "read the realm roles");
        Set<String> wanted = roles.stream().map(AccountRole::tokenName).collect(Collectors.toSet());
        List<JsonNode> mapped = new ArrayList<>();
        read(available).forEach(role -> {
            if (wanted.contains(role.path("name").asText())) {
                mapped.add(role);
            }
        });
        if (mapped.size() != wanted.size() && !held(id).containsAll(wanted)) {
            throw new IdentityUnavailable("the realm lacks one of the roles " + wanted);
        }
        if (!mapped.isEmpty()) { // roles the account holds already are not available again: granting is idempotent
            expect(send("POST", "/users/" + id + "/role-mappings/realm", mapped), 204, "grant the roles");
        }
    }

    @Override
    public void changeRoles(String accountId, Set<AccountRole> granted, Set<AccountRole> revoked) {
        if (!granted.isEmpty()) {
            grant(accountId, granted);
        }
        if (!revoked.isEmpty()) {
            Set<String> names = revoked.stream().map(AccountRole::tokenName).collect(Collectors.toSet());
            List<JsonNode> taken = new ArrayList<>();
            heldRoles(accountId).forEach(role -> {
                if (names.contains(role.path("name").asText())) {
                    taken.add(role);
                }
            });
            if (!taken.isEmpty()) {
                expect(send("DELETE", "/users/" + accountId + "/role-mappings/realm", taken), 204, "revoke the roles");
            }
        }
    }

    private JsonNode heldRoles(String accountId) {
        HttpResponse<String> held = send("GET", "/users/" + accountId + "/role-mappings/realm", null);
        expect(held, 200, "read the account's roles");
        return read(held);
    }

    private Set<String> held(String accountId) {
        Set<String> names = new HashSet<>();
        heldRoles(accountId).forEach(role -> names.add(role.path("name").asText()));
        return names;
    }

    @Override
    public void enable(String accountId) {
        expect(send("PUT", "/users/" + accountId, Map.of("enabled", true)), 204, "enable the account");
    }

    @Override
    public void disable(String accountId) {
        HttpResponse<String> disabled = send("PUT", "/users/" + accountId, Map.of("enabled", false));
        if (disabled.statusCode() == 404) {
            return; // removed at the identity server by hand: no one can use it either
        }
        expect(disabled, 204, "disable the account");
        expect(send("POST", "/users/" + accountId + "/logout", null), 204, "end the account's sessions");
    }

    @Override
    public boolean remove(String accountId) {
        try {
            HttpResponse<String> removed = send("DELETE", "/users/" + accountId, null);
            if (removed.statusCode() == 204 || removed.statusCode() == 404) {
                return true;
            }
            LOG.warnf("account %s was begun but could not be removed (%d); it stays disabled", accountId,
                    removed.statusCode());
        } catch (IdentityUnavailable e) {
            LOG.warnf("account %s was begun but could not be removed (%s); it stays disabled", accountId, e.getMessage());
        }
        return false;
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        String base = realmUrl.filter(u -> !u.isBlank())
                .orElseThrow(() -> new IdentityUnavailable("units.accounts.realm-url is not configured"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.replace("/realms/", "/admin/realms/") + path))
                .timeout(timeout).header("Authorization", "Bearer " + token(base)).header("Accept", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(write(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = exchange(request.build());
        if (response.statusCode() == 401) {
            tokenExpires = Instant.MIN; // revoked or rotated secret: one fresh try
            request.setHeader("Authorization", "Bearer " + token(base));
            response = exchange(request.build());
        }
        return response;
    }

    /** This service's own access token, by client credentials, reused until shortly before it expires. */
    private synchronized String token(String base) {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String secret = clientSecret.filter(s -> !s.isBlank())
                .orElseThrow(() -> new IdentityUnavailable("units.accounts.client-secret is not configured"));
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(URI.create(base + "/protocol/openid-connect/token"))
                .timeout(timeout).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        expect(answer, 200, "sign in as " + clientId);
        JsonNode body = read(answer);
        token = body.path("access_token").asText();
        tokenExpires = Instant.now().plusSeconds(Math.max(0, body.path("expires_in").asLong(60) - 30));
        return token;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IdentityUnavailable(request.method() + " " + request.uri().getPath() + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityUnavailable("interrupted");
        }
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IdentityUnavailable(what + ": " + response.statusCode());
        }
    }

    private String errorOf(HttpResponse<String> response) {
        JsonNode body = read(response);
        return body.path("errorMessage").asText(body.path("error").asText(response.body()));
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IdentityUnavailable("unreadable answer: " + e.getMessage());
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
