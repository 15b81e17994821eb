package org.tuanjie.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a connection from one pod to another's port is let through by the NetworkPolicies of the destination's
 * namespace, by the API's rules: a pod no policy selects for ingress takes every connection; a selected pod takes
 * one that some rule of a selecting policy allows (its ports, or every port; its peers, or every peer). Peers by
 * pod and namespace label selectors; ipBlocks are taken to match nothing here (none is used).
 */
final class NetworkReach {

    /** A pod: where it runs, its labels, its namespace's labels and its named container ports. */
    record Pod(String name, String namespace, Map<String, String> labels, Map<String, String> namespaceLabels,
               Map<String, Integer> ports) {
    }

    private final List<Map<String, Object>> policies;

    NetworkReach(List<Map<String, Object>> objects) {
        policies = objects.stream().filter(o -> "NetworkPolicy".equals(o.get("kind"))).toList();
    }

    boolean allows(Pod from, Pod to, int port) {
        List<Map<String, Object>> selecting = new ArrayList<>();
        for (Map<String, Object> policy : policies) {
            String namespace = DeployFilesTest.at(policy, "metadata", "namespace");
            List<String> types = DeployFilesTest.at(policy, "spec", "policyTypes");
            if (to.namespace().equals(namespace) && (types == null || types.contains("Ingress"))
                    && selects(DeployFilesTest.at(policy, "spec", "podSelector"), to.labels())) {
                selecting.add(policy);
            }
        }
        if (selecting.isEmpty()) {
            return true;
        }
        for (Map<String, Object> policy : selecting) {
            List<Map<String, Object>> rules = DeployFilesTest.at(policy, "spec", "ingress");
            for (Map<String, Object> rule : rules == null ? List.<Map<String, Object>>of() : rules) {
                if (portAllowed(rule, to, port) && peerAllowed(rule, from, DeployFilesTest.at(policy, "metadata", "namespace"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean portAllowed(Map<String, Object> rule, Pod to, int port) {
        List<Map<String, Object>> ports = DeployFilesTest.at(rule, "ports");
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (Map<String, Object> entry : ports) {
            Object p = entry.get("port");
            String protocol = (String) entry.getOrDefault("protocol", "TCP");
            if (protocol.equals("TCP") && (p == null || p instanceof Integer n && n == port
                    || p instanceof String name && Integer.valueOf(port).equals(to.ports().get(name)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean peerAllowed(Map<String, Object> rule, Pod from, String policyNamespace) {
        List<Map<String, Object>> peers = DeployFilesTest.at(rule, "from");
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (Map<String, Object> peer : peers) {
            Map<String, Object> pods = DeployFilesTest.at(peer, "podSelector");
            Map<String, Object> namespaces = DeployFilesTest.at(peer, "namespaceSelector");
            if (pods == null && namespaces == null) {
                continue;
            }
            boolean namespaceMatches = namespaces == null ? from.namespace().equals(policyNamespace)
                    : selects(namespaces, from.namespaceLabels());
            if (namespaceMatches && (pods == null || selects(pods, from.labels()))) {
                return true;
            }
        }
        return false;
    }

    /** A label selector: matchLabels all equal and every matchExpression holds; an empty selector selects all. */
    static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        Map<String, Object> matchLabels = selector.get("matchLabels") == null ? Map.of() : DeployFilesTest.at(selector, "matchLabels");
        for (Map.Entry<String, Object> label : matchLabels.entrySet()) {
            if (!String.valueOf(label.getValue()).equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        List<Map<String, Object>> expressions = selector.get("matchExpressions") == null ? List.of()
                : DeployFilesTest.at(selector, "matchExpressions");
        for (Map<String, Object> expression : expressions) {
            String value = labels.get((String) expression.get("key"));
            List<?> values = (List<?>) expression.getOrDefault("values", List.of());
            boolean holds = switch ((String) expression.get("operator")) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalStateException("operator " + expression.get("operator"));
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    static Map<String, String> labels(Object... keysAndValues) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            labels.put((String) keysAndValues[i], (String) keysAndValues[i + 1]);
        }
        return labels;
    }
}
