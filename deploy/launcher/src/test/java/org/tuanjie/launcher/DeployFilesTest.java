package org.tuanjie.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No container engine runs here, so the deployment files are checked statically against the code:
 * valid YAML, every environment variable an application reads is set, ports, probes and images match.
 */
class DeployFilesTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final List<String> SHARED_CONFIG = List.of("platform/src/main/resources/META-INF/microprofile-config.properties",
            "platform-data/src/main/resources/META-INF/microprofile-config.properties");

    /** Environment variables an application reads: its own configuration and the shared defaults. */
    static Set<String> variablesReadBy(String app) throws IOException {
        Set<String> variables = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        sources.add(ROOT.resolve(app + "/src/main/resources/application.properties"));
        SHARED_CONFIG.forEach(s -> sources.add(ROOT.resolve(s)));
        if (app.equals("tasks-service") || app.equals("agreements-service")) {
            sources.add(ROOT.resolve("unit-feed/src/main/resources/META-INF/microprofile-config.properties"));
        }
        for (Path source : sources) {
            for (String line : Files.readAllLines(source)) {
                if (line.startsWith("%test.") || line.startsWith("#")) {
                    continue;
                }
                Matcher m = ENV_REFERENCE.matcher(line);
                while (m.find()) {
                    variables.add(m.group(1));
                }
            }
        }
        if (app.equals("gateway")) {
            variables.removeIf(v -> v.endsWith("_DB_URL") || v.endsWith("_DB_USER") || v.endsWith("_DB_PASSWORD"));
        }
        return variables;
    }

    static Properties configOf(String app) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve(app + "/src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    static int portOf(String app) throws IOException {
        return Integer.parseInt(configOf(app).getProperty("quarkus.http.port"));
    }

    /** Where the application answers health checks: its management interface when it has one. */
    static int healthPortOf(String app) throws IOException {
        Properties config = configOf(app);
        return "true".equals(config.getProperty("quarkus.management.enabled"))
                ? Integer.parseInt(config.getProperty("quarkus.management.port")) : portOf(app);
    }

    static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
            if (doc != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) doc;
                documents.add(map);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(step)) : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    @Test
    void everyDeployFileIsValidYaml() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).filter(p -> !p.toString().contains("/target/"))
                    .toList();
            assertTrue(yaml.size() >= 7, "compose + k8s files: " + yaml);
            for (Path file : yaml) {
                assertFalse(documents(file).isEmpty(), file + " has no document");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"units-service", "tasks-service", "agreements-service", "gateway"})
    void kubernetesManifestsMatchTheApplication(String app) throws IOException {
        List<Map<String, Object>> docs = documents(DEPLOY.resolve("k8s/base/" + app + ".yaml"));
        Map<String, Map<String, Object>> byKind = new HashMap<>();
        docs.forEach(d -> byKind.put((String) d.get("kind"), d));
        assertEquals(Set.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"), byKind.keySet());
        Map<String, Object> container = at(byKind.get("Deployment"), "spec", "template", "spec", "containers", "0");
        assertEquals("tuanjie/" + app + ":0.1.0", container.get("image"));
        assertEquals(portOf(app), (int) at(container, "ports", "0", "containerPort"));
        assertEquals(portOf(app), (int) at(byKind.get("Service"), "spec", "ports", "0", "port"));
        assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path"));
        assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path"));
        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            String portName = at(container, probe, "httpGet", "port");
            List<Map<String, Object>> named = ((List<Map<String, Object>>) container.get("ports")).stream()
                    .filter(p -> portName.equals(p.get("name"))).toList();
            assertEquals(1, named.size(), probe + " names container port " + portName);
            assertEquals(healthPortOf(app), (int) named.get(0).get("containerPort"), probe + " reaches the health endpoints");
        }
        if (healthPortOf(app) != portOf(app)) {
            List<Map<String, Object>> exposed = at(byKind.get("Service"), "spec", "ports");
            int apiPort = portOf(app);
            exposed.forEach(p -> {
                assertEquals(apiPort, (int) p.get("port"), "the Service exposes the API port only");
                assertEquals("http", p.get("targetPort"), "the Service exposes the API port only");
            });
        }
        assertTrue(((Map<?, ?>) at(container, "resources", "requests")).containsKey("memory"), "resource requests");

        Map<String, Object> config = at(documents(DEPLOY.resolve("k8s/base/config.yaml")).get(0), "data");
        Set<String> secretKeys = new TreeSet<>(Set.of("username", "password"));  // CloudNativePG's <cluster>-app Secret
        documents(DEPLOY.resolve("k8s/secrets.example.yaml"))
                .forEach(d -> secretKeys.addAll(((Map<String, Object>) at(d, "stringData")).keySet()));
        Set<String> set = new TreeSet<>();
        for (Map<String, Object> env : (List<Map<String, Object>>) container.get("env")) {
            set.add((String) env.get("name"));
            Map<String, Object> configRef = env.get("valueFrom") == null ? null : at(env, "valueFrom", "configMapKeyRef");
            Map<String, Object> secretRef = env.get("valueFrom") == null ? null : at(env, "valueFrom", "secretKeyRef");
            if (configRef != null) {
                assertTrue(config.containsKey((String) configRef.get("key")), "config key " + configRef.get("key"));
            }
            if (secretRef != null) {
                assertTrue(secretKeys.contains((String) secretRef.get("key")), "secret key " + secretRef.get("key"));
            }
        }
        List<Map<String, Object>> envFrom = container.get("envFrom") == null ? List.of() : at(container, "envFrom");
        for (Map<String, Object> source : envFrom) {
            String name = at(source, "configMapRef", "name");
            Map<String, Object> map = documents(DEPLOY.resolve("k8s/base/config.yaml")).stream()
                    .filter(d -> name.equals(at(d, "metadata", "name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no ConfigMap " + name + " in k8s/base/config.yaml"));
            set.addAll(((Map<String, Object>) map.get("data")).keySet());
        }
        assertTrue(set.containsAll(variablesReadBy(app)), app + " reads " + variablesReadBy(app) + ", the Deployment sets " + set);
    }

    @ParameterizedTest
    @ValueSource(strings = {"units-service", "tasks-service", "agreements-service", "gateway"})
    void composeSetsEverythingTheApplicationReads(String app) throws IOException {
        Map<String, Object> service = at(documents(DEPLOY.resolve("compose.yaml")).get(0), "services", app);
        assertEquals("tuanjie/" + app + ":0.1.0", service.get("image"));
        Map<String, Object> environment = at(service, "environment");
        assertTrue(environment.keySet().containsAll(variablesReadBy(app)),
                app + " reads " + variablesReadBy(app) + ", compose sets " + environment.keySet());
        List<String> ports = at(service, "ports");
        assertEquals(portOf(app) + ":" + portOf(app), ports.get(0));
    }

    @Test
    void theRealmHasTheRolesClientsAndClaimTheServicesExpect() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(DEPLOY.resolve("keycloak/realm-unity.json").toFile());
        assertEquals("unity", realm.path("realm").asText());
        assertFalse(realm.has("clientScopes"), "a realm-level clientScopes list would replace the built-in scopes");
        Set<String> roles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertEquals(Set.of("admin", "inspector", "unit-liaison", "unit-leader", "auditor", "integration"), roles);
        Map<String, JsonNode> clients = new HashMap<>();
        realm.path("clients").forEach(c -> clients.put(c.path("clientId").asText(), c));
        assertTrue(clients.get("swagger-ui").path("publicClient").asBoolean());
        assertEquals("S256", clients.get("swagger-ui").path("attributes").path("pkce.code.challenge.method").asText());
        assertTrue(clients.get("mobile-app").path("publicClient").asBoolean());
        List<String> returns = new ArrayList<>();
        clients.get("mobile-app").path("redirectUris").forEach(uri -> returns.add(uri.asText()));
        assertTrue(returns.stream().anyMatch(uri -> uri.equals(FirstLogin.REDIRECT_URI)
                        || uri.endsWith("*") && FirstLogin.REDIRECT_URI.startsWith(uri.substring(0, uri.length() - 1))),
                "the demo loader's first logins return to " + FirstLogin.REDIRECT_URI + ", mobile-app allows " + returns);
        // the field app, served by the gateway under /app, logs in with the code flow and PKCE and comes back there
        assertEquals("S256", clients.get("mobile-app").path("attributes").path("pkce.code.challenge.method").asText());
        assertTrue(returns.contains("http://localhost:8080/app/*") && returns.contains("http://127.0.0.1:8080/app/*"),
                "mobile-app returns to the gateway's /app: " + returns);
        assertFalse(clients.get("county-platform").path("publicClient").asBoolean());
        assertTrue(clients.get("county-platform").path("serviceAccountsEnabled").asBoolean());
        assertTrue(clients.get("tuanjie-cli").path("directAccessGrantsEnabled").asBoolean());
        clients.values().forEach(c -> assertEquals("unit_code",
                c.path("protocolMappers").get(0).path("config").path("claim.name").asText(), c.path("clientId").asText()));
        realm.path("users").forEach(DeployFilesTest::assertRoleHolderHasUnitCode);
    }

    @Test
    void theDemoRealmHoldsTheCountyAdminAloneAndTheLoaderTheOtherPeople() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(DEPLOY.resolve("keycloak/realm-unity.json").toFile());
        List<String> people = new ArrayList<>();
        Set<String> realmRoles = new TreeSet<>();
        realm.path("users").forEach(u -> {
            if (!u.hasNonNull("serviceAccountClientId")) {
                people.add(u.path("username").asText());
            }
        });
        realm.path("roles").path("realm").forEach(r -> realmRoles.add(r.path("name").asText()));
        // the one who records everyone else through the people API, which creates their accounts
        assertEquals(List.of("office-admin"), people);
        for (DemoCounty.Person person : DemoCounty.PEOPLE) {
            assertFalse(people.contains(person.username()), person.username() + " is created by the loader, not imported");
            assertTrue(realmRoles.contains(person.accountRole()), person.username() + ": " + person.accountRole());
        }
    }

    /** A token with an API role is scoped by its unit_code; a user without one (units-service's account) needs none. */
    static void assertRoleHolderHasUnitCode(JsonNode user) {
        if (!user.path("realmRoles").isEmpty()) {
            assertTrue(user.path("attributes").has("unit_code"), user.path("username").asText() + " has a unit_code");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"realm-unity.json", "realm-unity-production.json"})
    void unitsServiceManagesUsersAndNothingElse(String file) throws IOException {
        JsonNode realm = new ObjectMapper().readTree(DEPLOY.resolve("keycloak/" + file).toFile());
        JsonNode client = null;
        for (JsonNode c : realm.path("clients")) {
            if (c.path("clientId").asText().equals("units-service")) {
                client = c;
            }
        }
        assertTrue(client != null, "client units-service");
        assertFalse(client.path("publicClient").asBoolean(true), "confidential");
        assertTrue(client.path("serviceAccountsEnabled").asBoolean(), "client credentials");
        assertFalse(client.path("standardFlowEnabled").asBoolean(true), "no login of people through it");
        assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), "no password grant");
        assertEquals(file.contains("production") ? "" : "units-service-demo-secret", client.path("secret").asText(""));

        List<JsonNode> accounts = new ArrayList<>();
        realm.path("users").forEach(u -> {
            if (u.path("serviceAccountClientId").asText().equals("units-service")) {
                accounts.add(u);
            }
        });
        assertEquals(1, accounts.size(), "one service-account user");
        JsonNode account = accounts.get(0);
        assertEquals("service-account-units-service", account.path("username").asText());
        // the admin API's user management only: no realm role, so its token opens nothing of Tuanjie's API
        assertTrue(account.path("realmRoles").isEmpty(), "realm roles " + account.path("realmRoles"));
        assertFalse(account.has("groups"), "no groups");
        assertEquals(Set.of("realm-management"), fieldNames(account.path("clientRoles")));
        Set<String> roles = new TreeSet<>();
        account.path("clientRoles").path("realm-management").forEach(r -> roles.add(r.asText()));
        assertEquals(Set.of("manage-users", "view-users"), roles);
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The audience mapper every client needs so that its tokens are accepted by the services (audience tuanjie-api). */
    static boolean hasApiAudienceMapper(JsonNode client) {
        for (JsonNode m : client.path("protocolMappers")) {
            JsonNode config = m.path("config");
            if ("oidc-audience-mapper".equals(m.path("protocolMapper").asText())
                    && "tuanjie-api".equals(config.path("included.custom.audience").asText())
                    && "true".equals(config.path("access.token.claim").asText())) {
                return true;
            }
        }
        return false;
    }

    static boolean hasUnitCodeMapper(JsonNode client) {
        for (JsonNode m : client.path("protocolMappers")) {
            JsonNode config = m.path("config");
            if ("oidc-usermodel-attribute-mapper".equals(m.path("protocolMapper").asText())
                    && "unit_code".equals(config.path("user.attribute").asText())
                    && "unit_code".equals(config.path("claim.name").asText())
                    && "true".equals(config.path("access.token.claim").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theProductionRealmIsHardened() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(DEPLOY.resolve("keycloak/realm-unity-production.json").toFile());
        JsonNode demo = new ObjectMapper().readTree(DEPLOY.resolve("keycloak/realm-unity.json").toFile());
        assertEquals("unity", realm.path("realm").asText());
        assertTrue(realm.path("enabled").asBoolean());
        assertFalse(realm.has("clientScopes"), "a realm-level clientScopes list would replace the built-in scopes");
        assertEquals("external", realm.path("sslRequired").asText());
        assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute force detection");
        assertTrue(realm.path("failureFactor").asInt(0) > 0 && realm.path("failureFactor").asInt() <= 10, "failureFactor");
        assertTrue(realm.path("passwordPolicy").asText().contains("length(12)"), "password policy: " + realm.path("passwordPolicy"));
        assertTrue(realm.path("accessTokenLifespan").isInt(), "accessTokenLifespan is set");
        assertTrue(realm.path("accessTokenLifespan").asInt() <= 300, "accessTokenLifespan " + realm.path("accessTokenLifespan"));
        assertTrue(realm.path("revokeRefreshToken").asBoolean(), "refresh tokens are single-use");
        assertEquals(0, realm.path("refreshTokenMaxReuse").asInt(-1));
        assertFalse(realm.path("registrationAllowed").asBoolean(true), "no self-registration");
        assertEquals(demo.path("roles"), realm.path("roles"), "the same realm roles as the demo realm");
        assertEquals(demo.path("components").path("org.keycloak.userprofile.UserProfileProvider"),
                realm.path("components").path("org.keycloak.userprofile.UserProfileProvider"),
                "the same declarative user profile (unit_code) as the demo realm");

        Map<String, JsonNode> clients = new HashMap<>();
        realm.path("clients").forEach(c -> clients.put(c.path("clientId").asText(), c));
        assertEquals(Set.of("swagger-ui", "mobile-app", "county-platform", "tasks-service", "agreements-service", "units-service"),
                clients.keySet());
        assertFalse(clients.containsKey("tuanjie-cli"), "no password-grant client");
        clients.forEach((id, c) -> {
            assertFalse(c.path("directAccessGrantsEnabled").asBoolean(true), id + ": no password grant");
            assertFalse(c.path("implicitFlowEnabled").asBoolean(true), id + ": no implicit flow");
            assertFalse(c.has("secret"), id + ": no secret in the file");
            assertTrue(hasApiAudienceMapper(c), id + ": audience tuanjie-api");
            assertTrue(hasUnitCodeMapper(c), id + ": unit_code claim");
            c.path("redirectUris").forEach(uri -> {
                assertFalse(uri.asText().contains("localhost"), id + " redirects to " + uri);
                assertFalse(uri.asText().contains("127.0.0.1"), id + " redirects to " + uri);
            });
        });
        for (String id : List.of("swagger-ui", "mobile-app")) {
            assertTrue(clients.get(id).path("publicClient").asBoolean(), id + " is public");
            assertTrue(clients.get(id).path("standardFlowEnabled").asBoolean(), id + " uses the authorization code flow");
            assertEquals("S256", clients.get(id).path("attributes").path("pkce.code.challenge.method").asText(), id + " PKCE");
        }
        for (String id : List.of("county-platform", "tasks-service", "agreements-service", "units-service")) {
            assertFalse(clients.get(id).path("publicClient").asBoolean(true), id + " is confidential");
            assertTrue(clients.get(id).path("serviceAccountsEnabled").asBoolean(), id + " has a service account");
            assertFalse(clients.get(id).path("standardFlowEnabled").asBoolean(true), id + ": service account only");
        }

        // no people: the operator creates the first county admin; only the service accounts' users are declared
        Set<String> serviceAccounts = new TreeSet<>();
        realm.path("users").forEach(u -> {
            String name = u.path("username").asText();
            assertTrue(u.hasNonNull("serviceAccountClientId"), name + " is not a service account: no users in production");
            assertEquals("service-account-" + u.path("serviceAccountClientId").asText(), name);
            assertFalse(u.has("credentials"), name + " has credentials");
            assertRoleHolderHasUnitCode(u);
            serviceAccounts.add(u.path("serviceAccountClientId").asText());
        });
        assertEquals(Set.of("county-platform", "tasks-service", "agreements-service", "units-service"), serviceAccounts);
    }

    @Test
    void theDemoRealmPutsTheApiAudienceInEveryToken() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(DEPLOY.resolve("keycloak/realm-unity.json").toFile());
        assertTrue(realm.path("clients").size() > 0, "the demo realm has clients");
        realm.path("clients").forEach(c -> assertTrue(hasApiAudienceMapper(c),
                c.path("clientId").asText() + ": audience mapper for tuanjie-api"));
    }
}
