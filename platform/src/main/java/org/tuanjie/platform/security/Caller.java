package org.tuanjie.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: token subject, roles, and the unit whose subtree bounds everything the caller
 * may see ({@code unit_code} claim).
 */
@RequestScoped
public class Caller {

    public static final String UNIT_CODE_CLAIM = "unit_code";
    public static final String SYSTEM = "system";

    @Inject
    SecurityIdentity identity;

    public String subject() {
        if (identity == null || identity.isAnonymous()) {
            return SYSTEM;
        }
        return identity.getPrincipal().getName();
    }

    /** Human name for trails: {@code name}, else {@code preferred_username}, else the subject. */
    public String displayName() {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            for (String claim : new String[] {"name", "preferred_username"}) {
                Object value = jwt.getClaim(claim);
                if (value != null && !value.toString().isBlank()) {
                    return value.toString();
                }
            }
        }
        return subject();
    }

    public Optional<String> unitCode() {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(UNIT_CODE_CLAIM);
            if (value != null && !value.toString().isBlank()) {
                return Optional.of(value.toString().replace("\"", "").trim());
            }
        }
        return Optional.empty();
    }

    public boolean hasRole(String role) {
        return identity != null && identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }
}
