package org.tuanjie.platform.access;

import java.util.Optional;
import java.util.Set;

/**
 * The caller as the access policy sees it: the root of the subtree it reaches (from the token's
 * {@code unit_code}), that code, its subject, realm roles and OAuth scopes.
 */
public record Reach(UnitPath root, Optional<String> unitCode, String subject, Set<String> roles, Set<String> scopes) {

    public Reach {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    /** The unit at {@code path} is the caller's root or lies below it. */
    public boolean covers(UnitPath path) {
        return root.covers(path);
    }

    /** The caller's root is the unit at {@code path} or lies below it: the caller is inside that unit. */
    public boolean liesWithin(UnitPath path) {
        return path != null && path.covers(root);
    }

    public boolean isUnit(String code) {
        return unitCode.filter(own -> own.equals(code)).isPresent();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
