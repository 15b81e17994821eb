package org.tuanjie.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tuanjie.launcher.NetworkReach.Pod;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes overlays as a platform team would review them, rendered and checked without a cluster: every object
 * against the API schema of its kind (Kubernetes 1.36, CloudNativePG 1.30, Keycloak operator 26, Gateway API 1.6),
 * the restricted Pod Security Standard, who may connect to whom, graceful stops, backups, references and pool sizes.
 */
class DeployManifestsTest {

    private static final Path K8S = DeployFilesTest.ROOT.resolve("deploy/k8s");
    private static final List<String> APPS = List.of("gateway", "units-service", "tasks-service", "agreements-service");
    private static final List<String> SERVICES = List.of("units-service", "tasks-service", "agreements-service");

    private static ApiSchemas schemas;
    private static final Map<String, List<Map<String, Object>>> RENDERED = new HashMap<>();

    @BeforeAll
    static void render() throws IOException {
        schemas = new ApiSchemas(K8S.resolve("schemas"));
        for (String overlay : List.of("demo", "production")) {
            RENDERED.put(overlay, Kustomize.render(K8S.resolve("overlays/" + overlay)));
        }
    }

    private static List<Map<String, Object>> objects(String overlay, String kind) {
        return RENDERED.get(overlay).stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    private static Map<String, Object> object(String overlay, String kind, String name) {
        return objects(overlay, kind).stream().filter(o -> name.equals(DeployFilesTest.at(o, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " has no " + kind + " " + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production"})
    void everyObjectConformsToTheApiSchemaOfItsKind(String overlay) {
        List<Map<String, Object>> objects = RENDERED.get(overlay);
        assertTrue(objects.size() > 40, overlay + " renders " + objects.size() + " objects");
        List<String> errors = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            schemas.validate(object).forEach(e -> errors.add(object.get("kind") + " " + DeployFilesTest.at(object, "metadata", "name") + e));
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void theRestoreExampleConformsAndRestoresFromTheProductionBackups() throws IOException {
        Map<String, Object> restored = DeployFilesTest.documents(K8S.resolve("restore/units-db-restored.yaml")).get(0);
        assertEquals(List.of(), schemas.validate(restored));
        String store = DeployFilesTest.at(objects("production", "ObjectStore").get(0), "metadata", "name");
        Map<String, Object> source = DeployFilesTest.at(restored, "spec", "externalClusters", "0");
        assertEquals(DeployFilesTest.at(restored, "spec", "bootstrap", "recovery", "source"), source.get("name"));
        assertEquals(store, DeployFilesTest.at(source, "plugin", "parameters", "barmanObjectName"));
        // the backups of units-db are found under its own name; the restored cluster archives under a new one
        assertEquals("units-db", DeployFilesTest.at(source, "plugin", "parameters", "serverName"));
        object("production", "Cluster", "units-db");
        assertFalse("units-db".equals(DeployFilesTest.at(restored, "spec", "plugins", "0", "parameters", "serverName")),
                "a restored cluster must not archive over the backups it came from");
    }

    @Test
    void aBrokenManifestIsReportedWithWhereItBreaks() {
        Map<String, Object> deployment = copy(object("production", "Deployment", "units-service"));
        DeployFilesTest.<Map<String, Object>>at(deployment, "spec").put("replica", 2);
        Map<String, Object> container = DeployFilesTest.at(deployment, "spec", "template", "spec", "containers", "0");
        DeployFilesTest.<Map<String, Object>>at(container, "ports", "0").put("containerPort", "8081");
        container.remove("name");
        assertEquals(List.of(".spec.replica: unknown field"), only(schemas.validate(deployment), ".spec.replica"));
        assertTrue(schemas.validate(deployment).contains(".spec.template.spec.containers[0]: missing required field name"),
                schemas.validate(deployment).toString());
        assertTrue(schemas.validate(deployment).stream().anyMatch(e -> e.startsWith(
                ".spec.template.spec.containers[0].ports[0].containerPort: expected integer")), schemas.validate(deployment).toString());

        Map<String, Object> route = copy(object("production", "HTTPRoute", "tuanjie"));
        DeployFilesTest.<Map<String, Object>>at(route, "spec", "rules", "0", "backendRefs", "0").put("port", 70000);
        assertEquals(List.of(".spec.rules[0].backendRefs[0].port: above 65535"), schemas.validate(route));

        Map<String, Object> pooler = copy(object("production", "Pooler", "units-db-pooler"));
        DeployFilesTest.<Map<String, Object>>at(pooler, "spec", "pgbouncer").put("poolMode", "sessions");
        assertEquals(1, schemas.validate(pooler).size(), schemas.validate(pooler).toString());
        assertTrue(schemas.validate(pooler).get(0).startsWith(".spec.pgbouncer.poolMode: sessions is not one of"));

        Map<String, Object> cluster = copy(object("production", "Cluster", "units-db"));
        DeployFilesTest.<Map<String, Object>>at(cluster, "spec").put("instance", 3);
        assertEquals(List.of(".spec.instance: unknown field"), schemas.validate(cluster));

        Map<String, Object> keycloak = copy(object("production", "Keycloak", "keycloak"));
        DeployFilesTest.<Map<String, Object>>at(keycloak, "spec", "db").put("vendor", 5);
        assertEquals(List.of(".spec.db.vendor: expected string, found Integer 5"), schemas.validate(keycloak));

        Map<String, Object> unknown = copy(object("production", "NetworkPolicy", "gateway"));
        unknown.put("apiVersion", "networking.k8s.io/v1beta1");
        assertEquals(List.of("no schema for apiVersion networking.k8s.io/v1beta1, kind NetworkPolicy"), schemas.validate(unknown));
    }

    private static List<String> only(List<String> errors, String path) {
        return errors.stream().filter(e -> e.startsWith(path)).toList();
    }

    private static Map<String, Object> copy(Map<String, Object> object) {
        Yaml yaml = new Yaml();
        return yaml.load(yaml.dump(object));
    }

    /** The restricted Pod Security Standard's checks (kubernetes.io/docs/concepts/security/pod-security-standards). */
    @ParameterizedTest
    @ValueSource(strings = {"demo", "production"})
    void everyPodMeetsTheRestrictedPodSecurityStandard(String overlay) {
        Map<String, Object> namespace = objects(overlay, "Namespace").get(0);
        assertEquals("restricted", DeployFilesTest.at(namespace, "metadata", "labels", "pod-security.kubernetes.io/enforce"));
        List<Map<String, Object>> workloads = RENDERED.get(overlay).stream()
                .filter(o -> Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod").contains(o.get("kind"))).toList();
        assertEquals(4, workloads.size(), "the four applications; the operators make the database and Keycloak pods");
        for (Map<String, Object> workload : workloads) {
            String name = DeployFilesTest.at(workload, "metadata", "name");
            Map<String, Object> pod = DeployFilesTest.at(workload, "spec", "template", "spec");
            Map<String, Object> podContext = pod.get("securityContext") == null ? Map.of() : DeployFilesTest.at(pod, "securityContext");
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                assertFalse(Boolean.TRUE.equals(pod.get(host)), name + ": " + host);
            }
            List<Map<String, Object>> volumes = pod.get("volumes") == null ? List.of() : DeployFilesTest.at(pod, "volumes");
            for (Map<String, Object> volume : volumes) {
                Set<String> types = new TreeSet<>(volume.keySet());
                types.remove("name");
                assertTrue(Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected",
                        "secret").containsAll(types), name + ": volume types " + types);
            }
            for (Map<String, Object> container : Kustomize.containers(workload)) {
                Map<String, Object> context = container.get("securityContext") == null ? Map.of()
                        : DeployFilesTest.at(container, "securityContext");
                String where = name + "/" + container.get("name");
                assertFalse(Boolean.TRUE.equals(context.get("privileged")), where + ": privileged");
                assertEquals(Boolean.FALSE, context.get("allowPrivilegeEscalation"), where + ": allowPrivilegeEscalation");
                assertEquals(Boolean.TRUE, context.getOrDefault("runAsNonRoot", podContext.get("runAsNonRoot")), where + ": runAsNonRoot");
                Object user = context.getOrDefault("runAsUser", podContext.get("runAsUser"));
                assertTrue(user == null || (Integer) user != 0, where + ": runs as root");
                Object seccomp = context.containsKey("seccompProfile") ? DeployFilesTest.at(context, "seccompProfile", "type")
                        : podContext.containsKey("seccompProfile") ? DeployFilesTest.at(podContext, "seccompProfile", "type") : null;
                assertTrue("RuntimeDefault".equals(seccomp) || "Localhost".equals(seccomp), where + ": seccomp profile " + seccomp);
                List<String> dropped = DeployFilesTest.at(context, "capabilities", "drop");
                assertNotNull(dropped, where + ": drops no capabilities");
                assertTrue(dropped.contains("ALL"), where + ": drops " + dropped);
                List<String> added = context.get("capabilities") == null ? null : DeployFilesTest.at(context, "capabilities", "add");
                assertTrue(added == null || Set.of("NET_BIND_SERVICE").containsAll(added), where + ": adds " + added);
                List<Map<String, Object>> ports = container.get("ports") == null ? List.of() : DeployFilesTest.at(container, "ports");
                ports.forEach(p -> assertFalse(p.containsKey("hostPort"), where + ": hostPort"));
                // beyond the standard: the image's files cannot be changed, and no API token is mounted
                assertEquals(Boolean.TRUE, context.get("readOnlyRootFilesystem"), where + ": read-only root file system");
            }
            assertEquals(Boolean.FALSE, pod.get("automountServiceAccountToken"), name + ": the applications never call the API server");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "units-service", "tasks-service", "agreements-service"})
    void everyApplicationSpreadsOverNodesAndZonesAndStopsGracefully(String app) throws IOException {
        Map<String, Object> deployment = object("production", "Deployment", app);
        Map<String, Object> pod = DeployFilesTest.at(deployment, "spec", "template", "spec");
        Map<String, String> labels = DeployFilesTest.at(deployment, "spec", "template", "metadata", "labels");
        Set<String> spreadOver = new TreeSet<>();
        for (Map<String, Object> constraint : DeployFilesTest.<List<Map<String, Object>>>at(pod, "topologySpreadConstraints")) {
            assertTrue(NetworkReach.selects(DeployFilesTest.at(constraint, "labelSelector"), labels), app + " spreads its own pods");
            spreadOver.add((String) constraint.get("topologyKey"));
        }
        assertEquals(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"), spreadOver);

        Properties shared = new Properties();
        try (var in = Files.newBufferedReader(DeployFilesTest.ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            shared.load(in);
        }
        Duration shutdown = Duration.parse("PT" + shared.getProperty("%prod.quarkus.shutdown.timeout").toUpperCase());
        Map<String, Object> container = DeployFilesTest.at(pod, "containers", "0");
        int pause = DeployFilesTest.at(container, "lifecycle", "preStop", "sleep", "seconds");
        int grace = (Integer) pod.get("terminationGracePeriodSeconds");
        assertTrue(pause >= 3, "the pause lets the endpoints drop the pod first: " + pause);
        assertTrue(pause + shutdown.toSeconds() < grace,
                app + ": preStop " + pause + " s + shutdown " + shutdown + " must end before the kill at " + grace + " s");
        Map<String, Object> budget = object("production", "PodDisruptionBudget", app);
        assertEquals(1, (int) DeployFilesTest.at(budget, "spec", "minAvailable"));
        assertTrue((int) DeployFilesTest.at(deployment, "spec", "replicas") >= 2, app + ": two replicas at least");
        List<Map<String, Object>> mounts = DeployFilesTest.at(container, "volumeMounts");
        assertTrue(mounts.stream().anyMatch(m -> "/tmp".equals(m.get("mountPath"))), app + ": a writable /tmp");
    }

    // --- who may connect to whom -----------------------------------------------------------------------------------

    private static final String NS = "tuanjie";

    private static Pod outside(String name, String namespace, Map<String, String> namespaceLabels) {
        Map<String, String> labels = new LinkedHashMap<>(namespaceLabels);
        labels.put("kubernetes.io/metadata.name", namespace);
        return new Pod(name, namespace, NetworkReach.labels("app", name), labels, Map.of());
    }

    /** The pods of the production namespace: the Deployments' as rendered, the operators' with the labels they set. */
    private static Map<String, Pod> podsOfProduction() {
        Map<String, String> namespaceLabels = NetworkReach.labels("kubernetes.io/metadata.name", NS);
        Map<String, Pod> pods = new LinkedHashMap<>();
        for (Map<String, Object> deployment : objects("production", "Deployment")) {
            String name = DeployFilesTest.at(deployment, "metadata", "name");
            Map<String, Integer> ports = new HashMap<>();
            Kustomize.containers(deployment).forEach(c -> DeployFilesTest.<List<Map<String, Object>>>at(c, "ports")
                    .forEach(p -> ports.put((String) p.get("name"), (Integer) p.get("containerPort"))));
            pods.put(name, new Pod(name, NS, DeployFilesTest.at(deployment, "spec", "template", "metadata", "labels"), namespaceLabels, ports));
        }
        // CloudNativePG: instance pods carry cnpg.io/cluster, pooler pods cnpg.io/poolerName
        for (Map<String, Object> cluster : objects("production", "Cluster")) {
            String name = DeployFilesTest.at(cluster, "metadata", "name");
            pods.put(name, new Pod(name, NS, NetworkReach.labels("cnpg.io/cluster", name, "cnpg.io/podRole", "instance"), namespaceLabels,
                    Map.of("postgresql", 5432, "metrics", 9187, "status", 8000)));
        }
        for (Map<String, Object> pooler : objects("production", "Pooler")) {
            String name = DeployFilesTest.at(pooler, "metadata", "name");
            pods.put(name, new Pod(name, NS, NetworkReach.labels("cnpg.io/poolerName", name, "cnpg.io/podRole", "pooler"), namespaceLabels,
                    Map.of("pgbouncer", 5432, "metrics", 9127)));
        }
        // the Keycloak operator labels its pods app=keycloak and with the instance's name
        pods.put("keycloak", new Pod("keycloak", NS, NetworkReach.labels("app", "keycloak", "app.kubernetes.io/instance", "keycloak",
                "app.kubernetes.io/managed-by", "keycloak-operator"), namespaceLabels, Map.of("http", 8080, "management", 9000)));
        pods.put("edge", outside("edge-proxy", "edge-system", NetworkReach.labels("tuanjie.org/edge", "true")));
        pods.put("monitoring", outside("prometheus", "monitoring", NetworkReach.labels("tuanjie.org/monitoring", "true")));
        pods.put("cnpg-operator", outside("cnpg-operator", "cnpg-system", Map.of()));
        pods.put("other-tenant", outside("app", "other", Map.of()));
        pods.put("stranger", new Pod("stranger", NS, NetworkReach.labels("run", "debug"), namespaceLabels, Map.of()));
        return pods;
    }

    /**
     * Written from the rule, not from the policies: only the gateway (and Keycloak's logins) are reachable from
     * outside; services only from the gateway and each other; each database only from its service (through its
     * pooler), its own replicas and the operator; monitoring reaches metrics and nothing else.
     */
    @Test
    void onlyTheGatewayIsReachableFromOutsideAndEachDatabaseOnlyFromItsService() {
        Map<String, Pod> pods = podsOfProduction();
        NetworkReach reach = new NetworkReach(RENDERED.get("production"));
        Object[][] table = {
                // from, to, port, allowed
                {"edge", "gateway", 8080, true},
                {"edge", "gateway", 9080, false},
                {"edge", "keycloak", 8080, true},
                {"edge", "keycloak", 9000, false},
                {"edge", "units-service", 8081, false},
                {"edge", "tasks-db-pooler", 5432, false},
                {"edge", "agreements-db", 5432, false},
                {"other-tenant", "gateway", 8080, false},
                {"other-tenant", "units-service", 8081, false},
                {"other-tenant", "keycloak-db", 5432, false},
                {"stranger", "gateway", 8080, false},
                {"stranger", "units-service", 8081, false},
                {"stranger", "units-db", 5432, false},
                {"stranger", "keycloak", 8080, false},
                {"gateway", "units-service", 8081, true},
                {"gateway", "tasks-service", 8082, true},
                {"gateway", "agreements-service", 8083, true},
                {"gateway", "units-db-pooler", 5432, false},
                {"gateway", "units-db", 5432, false},
                {"gateway", "keycloak", 8080, true},
                {"units-service", "tasks-service", 8082, true},
                {"tasks-service", "units-service", 8081, true},
                {"agreements-service", "units-service", 8081, true},
                {"agreements-service", "tasks-service", 8082, true},
                {"units-service", "keycloak", 8080, true},
                {"units-service", "units-db-pooler", 5432, true},
                {"tasks-service", "tasks-db-pooler", 5432, true},
                {"agreements-service", "agreements-db-pooler", 5432, true},
                {"units-service", "tasks-db-pooler", 5432, false},
                {"tasks-service", "units-db-pooler", 5432, false},
                {"agreements-service", "units-db-pooler", 5432, false},
                {"units-service", "units-db", 5432, false},
                {"units-service", "keycloak-db", 5432, false},
                {"units-db-pooler", "units-db", 5432, true},
                {"tasks-db-pooler", "units-db", 5432, false},
                {"units-db", "units-db", 5432, true},
                {"tasks-db", "units-db", 5432, false},
                {"cnpg-operator", "units-db", 8000, true},
                {"cnpg-operator", "keycloak-db", 8000, true},
                {"cnpg-operator", "units-service", 8081, false},
                {"keycloak", "keycloak-db", 5432, true},
                {"keycloak", "keycloak", 7800, true},
                {"keycloak", "units-db", 5432, false},
                {"units-service", "keycloak", 7800, false},
                {"monitoring", "gateway", 9080, true},
                {"monitoring", "gateway", 8080, false},
                {"monitoring", "units-service", 8081, true},
                {"monitoring", "units-db", 9187, true},
                {"monitoring", "units-db", 5432, false},
                {"monitoring", "keycloak", 9000, true},
                {"monitoring", "keycloak", 8080, false},
        };
        List<String> wrong = new ArrayList<>();
        for (Object[] row : table) {
            Pod from = pods.get((String) row[0]);
            Pod to = pods.get((String) row[1]);
            assertNotNull(from, "pod " + row[0]);
            assertNotNull(to, "pod " + row[1]);
            if (reach.allows(from, to, (Integer) row[2]) != (Boolean) row[3]) {
                wrong.add(row[0] + " -> " + row[1] + ":" + row[2] + " should be " + ((Boolean) row[3] ? "allowed" : "refused"));
            }
        }
        assertEquals(List.of(), wrong);
        // every pod of the namespace is selected by some policy: nothing is left open by omission
        for (Pod pod : pods.values()) {
            if (pod.namespace().equals(NS)) {
                assertFalse(reach.allows(pods.get("other-tenant"), pod, 12345), pod.name() + " takes anything");
            }
        }
    }

    // --- the edge, identity, databases ----------------------------------------------------------------------------

    @Test
    void theEdgeTerminatesTlsAndRoutesOnlyTheGatewaysApiAndKeycloaksLogins() {
        Map<String, Object> gateway = object("production", "Gateway", "tuanjie-edge");
        Map<String, Map<String, Object>> listeners = new LinkedHashMap<>();
        DeployFilesTest.<List<Map<String, Object>>>at(gateway, "spec", "listeners").forEach(l -> listeners.put((String) l.get("name"), l));
        for (String name : List.of("api", "login")) {
            assertEquals("HTTPS", listeners.get(name).get("protocol"));
            assertEquals("Terminate", DeployFilesTest.at(listeners.get(name), "tls", "mode"));
        }
        Map<String, Set<String>> routedTo = new LinkedHashMap<>();
        for (Map<String, Object> route : objects("production", "HTTPRoute")) {
            for (Map<String, Object> parent : DeployFilesTest.<List<Map<String, Object>>>at(route, "spec", "parentRefs")) {
                Map<String, Object> listener = listeners.get((String) parent.get("sectionName"));
                assertNotNull(listener, "route " + DeployFilesTest.at(route, "metadata", "name") + " attaches to " + parent);
                for (Map<String, Object> rule : DeployFilesTest.<List<Map<String, Object>>>at(route, "spec", "rules")) {
                    List<Map<String, Object>> backends = rule.get("backendRefs") == null ? List.of() : DeployFilesTest.at(rule, "backendRefs");
                    if (listener.get("protocol").equals("HTTP")) {
                        assertTrue(backends.isEmpty(), "plain HTTP only redirects");
                        assertEquals("https", DeployFilesTest.at(rule, "filters", "0", "requestRedirect", "scheme"));
                    }
                    backends.forEach(b -> routedTo.computeIfAbsent(b.get("name") + ":" + b.get("port"), k -> new TreeSet<>())
                            .add((String) parent.get("sectionName")));
                }
            }
        }
        assertEquals(Map.of("gateway:8080", Set.of("api"), "keycloak-service:8080", Set.of("login")), routedTo);
        Map<String, Object> login = object("production", "HTTPRoute", "login");
        List<String> paths = new ArrayList<>();
        DeployFilesTest.<List<Map<String, Object>>>at(login, "spec", "rules", "0", "matches")
                .forEach(m -> paths.add(DeployFilesTest.at(m, "path", "value")));
        assertEquals(List.of("/realms/", "/resources/"), paths, "Keycloak's admin console is not published");
        // the gateway honours X-Forwarded-* from the edge's pods only
        Map<String, Object> config = DeployFilesTest.at(object("production", "ConfigMap", "tuanjie-config"), "data");
        assertFalse(String.valueOf(config.get("gateway-trusted-proxies")).isBlank(), "gateway-trusted-proxies");
        Map<String, Object> keycloak = object("production", "Keycloak", "keycloak");
        assertEquals("xforwarded", DeployFilesTest.at(keycloak, "spec", "proxy", "headers"));
        assertTrue(DeployFilesTest.<String>at(keycloak, "spec", "hostname", "hostname").startsWith("https://"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production"})
    void theRealmImportIsTheRealmFileAsItIs(String overlay) throws IOException {
        Map<String, Object> imported = objects(overlay, "KeycloakRealmImport").get(0);
        assertEquals("keycloak", DeployFilesTest.at(imported, "spec", "keycloakCRName"));
        ObjectMapper json = new ObjectMapper();
        String file = overlay.equals("production") ? "realm-unity-production.json" : "realm-unity.json";
        JsonNode realm = json.readTree(DeployFilesTest.ROOT.resolve("deploy/keycloak/" + file).toFile());
        assertEquals(realm, json.valueToTree(DeployFilesTest.at(imported, "spec", "realm")),
                "regenerate " + overlay + "/realm-import.yaml with deploy/k8s/realm-import.py");
    }

    @Test
    void productionArchivesAndBacksUpEveryDatabaseAndTheDemoDoesNot() {
        Set<String> clusters = new TreeSet<>();
        String store = DeployFilesTest.at(objects("production", "ObjectStore").get(0), "metadata", "name");
        for (Map<String, Object> cluster : objects("production", "Cluster")) {
            String name = DeployFilesTest.at(cluster, "metadata", "name");
            clusters.add(name);
            Map<String, Object> plugin = DeployFilesTest.at(cluster, "spec", "plugins", "0");
            assertEquals(Boolean.TRUE, plugin.get("isWALArchiver"), name + " archives its WAL");
            assertEquals(store, DeployFilesTest.at(plugin, "parameters", "barmanObjectName"), name + " archives to " + store);
            assertEquals(3, (int) DeployFilesTest.at(cluster, "spec", "instances"), name + ": a primary and two replicas");
        }
        assertEquals(Set.of("units-db", "tasks-db", "agreements-db", "keycloak-db"), clusters);
        Set<String> backedUp = new TreeSet<>();
        objects("production", "ScheduledBackup").forEach(b -> {
            assertEquals("plugin", DeployFilesTest.at(b, "spec", "method"));
            backedUp.add(DeployFilesTest.at(b, "spec", "cluster", "name"));
        });
        assertEquals(clusters, backedUp);
        assertTrue(objects("demo", "ScheduledBackup").isEmpty());
        objects("demo", "Cluster").forEach(c -> assertFalse(DeployFilesTest.<Map<String, Object>>at(c, "spec").containsKey("plugins")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production"})
    void everyReferenceNamesSomethingThatExists(String overlay) throws IOException {
        Set<String> secretKeys = new TreeSet<>();
        DeployFilesTest.documents(K8S.resolve("secrets.example.yaml")).forEach(d -> DeployFilesTest.<Map<String, Object>>at(d, "stringData")
                .keySet().forEach(k -> secretKeys.add(DeployFilesTest.at(d, "metadata", "name") + "/" + k)));
        Set<String> clusters = new TreeSet<>();
        objects(overlay, "Cluster").forEach(c -> {
            String name = DeployFilesTest.at(c, "metadata", "name");
            clusters.add(name);
            // CloudNativePG's Secret with the owner's credentials
            secretKeys.add(name + "-app/username");
            secretKeys.add(name + "-app/password");
        });
        Map<String, Object> config = DeployFilesTest.at(object(overlay, "ConfigMap", "tuanjie-config"), "data");
        for (Map<String, Object> deployment : objects(overlay, "Deployment")) {
            for (Map<String, Object> container : Kustomize.containers(deployment)) {
                for (Map<String, Object> env : DeployFilesTest.<List<Map<String, Object>>>at(container, "env")) {
                    Map<String, Object> secret = env.get("valueFrom") == null ? null : DeployFilesTest.at(env, "valueFrom", "secretKeyRef");
                    Map<String, Object> configKey = env.get("valueFrom") == null ? null : DeployFilesTest.at(env, "valueFrom", "configMapKeyRef");
                    if (secret != null) {
                        assertTrue(secretKeys.contains(secret.get("name") + "/" + secret.get("key")), env.get("name") + " reads " + secret);
                    }
                    if (configKey != null) {
                        assertTrue(config.containsKey((String) configKey.get("key")), env.get("name") + " reads " + configKey);
                    }
                }
            }
        }
        Set<String> poolers = new TreeSet<>();
        objects(overlay, "Pooler").forEach(p -> {
            poolers.add(DeployFilesTest.at(p, "metadata", "name"));
            assertTrue(clusters.contains(DeployFilesTest.<String>at(p, "spec", "cluster", "name")), "pooler of " + p);
        });
        for (String service : SERVICES) {
            String database = service.substring(0, service.indexOf('-'));
            assertEquals("jdbc:postgresql://" + database + "-db-pooler:5432/" + database, config.get(database + "-db-url"));
            assertTrue(poolers.contains(database + "-db-pooler"));
            Map<String, Object> cluster = object(overlay, "Cluster", database + "-db");
            assertEquals(database, DeployFilesTest.at(cluster, "spec", "bootstrap", "initdb", "database"));
        }
        Map<String, Object> keycloak = object(overlay, "Keycloak", "keycloak");
        assertEquals("keycloak-db-rw", DeployFilesTest.at(keycloak, "spec", "db", "host"));
        assertTrue(clusters.contains("keycloak-db"));
        // the Keycloak operator's Service is <name>-service; the services read the realm there
        assertEquals("http://keycloak-service:8080/realms/unity", config.get("oidc-auth-server-url"));
        Set<String> services = new TreeSet<>(Set.of("keycloak-service"));
        objects(overlay, "Service").forEach(s -> services.add(DeployFilesTest.at(s, "metadata", "name")));
        for (Map<String, Object> route : objects(overlay, "HTTPRoute")) {
            for (Map<String, Object> rule : DeployFilesTest.<List<Map<String, Object>>>at(route, "spec", "rules")) {
                List<Map<String, Object>> backends = rule.get("backendRefs") == null ? List.of() : DeployFilesTest.at(rule, "backendRefs");
                backends.forEach(b -> assertTrue(services.contains((String) b.get("name")), "route to " + b));
            }
        }
        String namespace = DeployFilesTest.at(objects(overlay, "Namespace").get(0), "metadata", "name");
        RENDERED.get(overlay).stream().filter(o -> !"Namespace".equals(o.get("kind")))
                .forEach(o -> assertEquals(namespace, DeployFilesTest.at(o, "metadata", "namespace"), o.get("kind") + " in its namespace"));
    }

    /**
     * deploy/README.md's arithmetic, from the files: the replicas' pools fit what the poolers take from clients, and
     * the poolers' server connections fit PostgreSQL's max_connections with room for replication and superusers.
     */
    @Test
    void theConnectionPoolsFitTheDatabases() {
        Map<String, Object> config = DeployFilesTest.at(object("production", "ConfigMap", "tuanjie-config"), "data");
        int poolMax = Integer.parseInt((String) config.get("db-pool-max"));
        for (String service : SERVICES) {
            String database = service.substring(0, service.indexOf('-')) + "-db";
            int replicas = DeployFilesTest.at(object("production", "HorizontalPodAutoscaler", service), "spec", "maxReplicas");
            Map<String, Object> pooler = object("production", "Pooler", database + "-pooler");
            int poolers = DeployFilesTest.at(pooler, "spec", "instances");
            int clients = Integer.parseInt(DeployFilesTest.at(pooler, "spec", "pgbouncer", "parameters", "max_client_conn"));
            int serverPool = Integer.parseInt(DeployFilesTest.at(pooler, "spec", "pgbouncer", "parameters", "default_pool_size"));
            int maxConnections = Integer.parseInt(DeployFilesTest.at(object("production", "Cluster", database),
                    "spec", "postgresql", "parameters", "max_connections"));
            // one pooler may get every client while the other restarts
            assertTrue(replicas * poolMax <= clients, database + ": " + replicas + " × " + poolMax + " clients > " + clients);
            assertTrue(replicas * poolMax <= serverPool * poolers, database + ": the poolers' server pools hold every client");
            assertTrue(serverPool * poolers <= maxConnections - 10,
                    database + ": " + poolers + " × " + serverPool + " server connections > max_connections " + maxConnections + " − 10");
        }
    }
}
