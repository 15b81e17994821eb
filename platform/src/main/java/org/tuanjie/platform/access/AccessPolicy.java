package org.tuanjie.platform.access;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A service's access policy: for every operation of its API a {@link Rule}, and for every kind of
 * target who sees it at all (anyone else gets the same 404 as for a missing one). A service names
 * its policy in {@code META-INF/services/org.tuanjie.platform.access.AccessPolicy$Source}; the
 * guard enforces it and the contract documents it, both from this one table.
 */
public final class AccessPolicy {

    /** How a service hands its policy over. */
    public interface Source {
        AccessPolicy policy();
    }

    private static final AccessPolicy NONE = new AccessPolicy(Map.of(), Map.of());

    private final Map<String, Rule> rules;
    private final Map<Class<?>, Act<?>> visibility;

    private AccessPolicy(Map<String, Rule> rules, Map<Class<?>, Act<?>> visibility) {
        this.rules = rules;
        this.visibility = visibility;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The policy the service on the class path declares, or an empty one (the gateway). */
    public static AccessPolicy load() {
        return ServiceLoader.load(Source.class, AccessPolicy.class.getClassLoader()).findFirst()
                .or(() -> ServiceLoader.load(Source.class).findFirst())
                .map(Source::policy).orElse(NONE);
    }

    public Optional<Rule> rule(String method, String path) {
        return Optional.ofNullable(rules.get(key(method, path)));
    }

    public Collection<Rule> rules() {
        return rules.values();
    }

    Optional<Act<?>> visibility(Class<?> type) {
        for (Map.Entry<Class<?>, Act<?>> entry : visibility.entrySet()) {
            if (entry.getKey().isAssignableFrom(type)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    private static String key(String method, String path) {
        return method.toUpperCase() + " " + path;
    }

    public static final class Builder {
        private final Map<String, Rule> rules = new LinkedHashMap<>();
        private final Map<Class<?>, Act<?>> visibility = new LinkedHashMap<>();

        /** Who sees a target of the act's type at all. */
        public Builder seen(Act<?> who) {
            visibility.put(who.type(), who);
            return this;
        }

        public Builder rule(Rule rule) {
            if (rules.put(key(rule.method(), rule.path()), rule) != null) {
                throw new IllegalStateException("two rules for " + key(rule.method(), rule.path()));
            }
            return this;
        }

        /** Rules a shared capability brings (a service's event feed and webhooks). */
        public Builder rules(Iterable<Rule> rules) {
            rules.forEach(this::rule);
            return this;
        }

        public AccessPolicy build() {
            return new AccessPolicy(Map.copyOf(rules), Map.copyOf(visibility));
        }
    }
}
