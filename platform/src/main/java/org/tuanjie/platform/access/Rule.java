package org.tuanjie.platform.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tuanjie.platform.security.Roles;

/**
 * What one operation of the API admits: the roles, the OAuth scope that lets an {@code integration}
 * client write, and for each kind of target the conditions on whose behalf the caller acts.
 */
public final class Rule {

    private final String method;
    private final String path;
    private final Set<String> roles;
    private final String integrationScope;
    private final Map<Class<?>, Act<?>> acts;

    private Rule(String method, String path, Set<String> roles, String integrationScope, Map<Class<?>, Act<?>> acts) {
        this.method = method;
        this.path = path;
        this.roles = Set.copyOf(roles);
        this.integrationScope = integrationScope;
        // in the order the policy states them: the contract's description must not change from run to run
        this.acts = Collections.unmodifiableMap(new LinkedHashMap<>(acts));
    }

    public static Rule of(String method, String path, Set<String> roles) {
        return new Rule(method, path, roles, null, Map.of());
    }

    /** An {@code integration} client may also call it when its token grants {@code scope}. */
    public Rule integrationWith(String scope) {
        return new Rule(method, path, roles, scope, acts);
    }

    /** On a target of the act's type, the caller must meet the act's conditions. */
    public Rule acting(Act<?> act) {
        Map<Class<?>, Act<?>> more = new LinkedHashMap<>(acts);
        more.put(act.type(), act);
        return new Rule(method, path, roles, integrationScope, more);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Set<String> roles() {
        return roles;
    }

    public Optional<String> integrationScope() {
        return Optional.ofNullable(integrationScope);
    }

    /** The roles as the contract lists them: {@code integration} too when a scope admits it. */
    public List<String> contractRoles() {
        return Roles.ORDER.stream().filter(r -> roles.contains(r) || (integrationScope != null && r.equals(Roles.INTEGRATION)))
                .toList();
    }

    public boolean admits(Reach reach) {
        if (roles.stream().anyMatch(reach::hasRole)) {
            return true;
        }
        return integrationScope != null && reach.hasRole(Roles.INTEGRATION) && reach.scopes().contains(integrationScope);
    }

    Optional<Act<?>> act(Class<?> type) {
        for (Map.Entry<Class<?>, Act<?>> entry : acts.entrySet()) {
            if (entry.getKey().isAssignableFrom(type)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** The rule in words, for the operation's description in the contract. */
    public String describe() {
        StringBuilder text = new StringBuilder("**Access.** Roles: ")
                .append(roles.stream().sorted(Roles.ORDER_COMPARATOR).collect(Collectors.joining(", ")));
        if (integrationScope != null) {
            text.append("; `integration` with scope `").append(integrationScope).append('`');
        }
        text.append(". Within the caller's unit subtree");
        for (Act<?> act : acts.values()) {
            text.append("; ").append(act.says());
        }
        return text.append('.').toString();
    }
}
