package org.tuanjie.gateway.proxy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which service serves which path. Every route is {@code /api/v1} + the service's own path, so
 * {@code /api/v1/units/{id}} is units-service's {@code /units/{id}}: the prefixes below are exact path
 * segments ({@code /api/v1/units} and {@code /api/v1/units/…}, never {@code /api/v1/unitsX}). The
 * unversioned {@code /api/units/{id}} of the first release still works, answered as deprecated.
 */
public final class Routes {

    public static final String API = "/api";
    /** The version of the API the contracts describe; a breaking change gets a new one beside it. */
    public static final String VERSION = "/v1";

    /** Top-level path segments of each service, as the services publish them. */
    public static final Map<String, List<String>> SEGMENTS = Map.of(
            "units", List.of("units", "readiness", "domains", "activities", "documents", "dossier", "attachments",
                    "indicator-catalogues", "history"),
            "tasks", List.of("tasks", "inspections", "findings", "evidence", "figures", "ledger.csv", "ledger.xlsx", "ledger",
                    "bulletins", "bundles", "timeline"),
            "agreements", List.of("agreements", "templates", "audit", "coverage", "seal"));

    private Routes() {
    }

    /** The service owning a gateway path, and the path to ask it for. */
    public static Optional<Target> resolve(String gatewayPath) {
        if (!gatewayPath.startsWith(API + "/") || namesManagement(gatewayPath)) {
            return Optional.empty();
        }
        boolean versioned = gatewayPath.startsWith(API + VERSION + "/");
        String downstream = gatewayPath.substring(versioned ? API.length() + VERSION.length() : API.length());
        String first = downstream.substring(1).split("/", 2)[0];
        for (Map.Entry<String, List<String>> service : SEGMENTS.entrySet()) {
            if (service.getValue().contains(first)) {
                return Optional.of(new Target(service.getKey(), downstream, versioned));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a gateway path points at a service's management endpoints ({@code /q/health},
     * {@code /q/metrics}, …): {@code /api/q…}, or {@code q} right under a service's segment, where
     * Quarkus would put them if a service were ever given that segment as its root path
     * ({@code /api/units/q/metrics}). Escapes are decoded ({@code %71} is {@code q}), case ignored.
     * No operation of any service has such a path, and none is ever forwarded.
     */
    public static boolean namesManagement(String gatewayPath) {
        if (!gatewayPath.startsWith(API + "/")) {
            return false;
        }
        String rest = gatewayPath.startsWith(API + VERSION + "/") ? gatewayPath.substring(API.length() + VERSION.length())
                : gatewayPath.substring(API.length());
        String[] segments = rest.substring(1).split("/", 3);
        return isQ(segments[0]) || segments.length > 1 && isQ(segments[1]);
    }

    private static boolean isQ(String segment) {
        return segment.equalsIgnoreCase("q") || segment.equalsIgnoreCase("%71") || segment.equalsIgnoreCase("%51");
    }

    /**
     * The gateway path as a metrics template: ids ({@code {id}}) and the code after {@code by-code}
     * ({@code {code}}) replaced, so each operation is one series in {@code http_server_requests}
     * rather than one per unit, task or agreement.
     */
    public static String template(String gatewayPath) {
        String[] segments = gatewayPath.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            if (isUuid(segments[i])) {
                segments[i] = "{id}";
            } else if ("by-code".equals(segments[i - 1]) && !segments[i].isEmpty()) {
                segments[i] = "{code}";
            }
        }
        return String.join("/", segments);
    }

    private static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** @param versioned asked at {@code /api/v1}, not at a deprecated unversioned path */
    public record Target(String service, String path, boolean versioned) {

        /** The gateway's path prefix the caller used, for the links in the answer. */
        public String prefix() {
            return versioned ? API + VERSION : API;
        }
    }
}
