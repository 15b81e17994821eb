package org.tuanjie.platform.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.security.Caller;

/**
 * Applies the rule of the operation being served to what the service loads. Services hand every
 * target to {@link #require}; whether the caller sees it (else 404) and may act on it for the party
 * concerned (else 403) is decided by the policy alone.
 */
@RequestScoped
public class Guard {

    @Inject
    AccessPolicy policy;

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @Inject
    Instance<RootLookup> roots;

    private Rule rule;
    private Reach reach;

    void enter(Rule current) {
        this.rule = current;
    }

    public Optional<Rule> rule() {
        return Optional.ofNullable(rule);
    }

    /** The caller's reach; a token naming no known unit reaches nothing. */
    public Reach reach() {
        if (reach == null) {
            UnitPath root = caller.unitCode().filter(code -> roots.isResolvable())
                    .map(code -> roots.get().pathOf(code)).orElse(UnitPath.NOWHERE);
            reach = new Reach(root, caller.unitCode(), caller.subject(),
                    identity == null ? Set.of() : identity.getRoles(), scopes());
        }
        return reach;
    }

    /**
     * @return the target, when the caller sees it and meets the current operation's conditions on it
     * @throws RuntimeException from {@code notFound} (404) when the caller does not see it
     * @throws NotPermitted (403, type {@code not-permitted} or the one the act names) when it does, but may not act on it
     */
    public <T> T require(T target, Supplier<? extends RuntimeException> notFound) {
        if (!sees(target)) {
            throw notFound.get();
        }
        if (rule != null) {
            rule.act(target.getClass()).flatMap(act -> act.refusalOf(reach(), target)).ifPresent(refusal -> {
                throw new NotPermitted(refusal.problemType(), refusal.messageKey(), refusal.args());
            });
        }
        return target;
    }

    /** Whether the caller sees the target at all (the policy's visibility for its type). */
    public boolean sees(Object target) {
        Act<?> who = policy.visibility(target.getClass())
                .orElseThrow(() -> new IllegalStateException("no visibility rule for " + target.getClass().getSimpleName()));
        return who.refusal(reach(), target).isEmpty();
    }

    /** Whether the caller meets the current operation's conditions on the target (no exception). */
    public boolean permits(Object target) {
        return sees(target) && (rule == null || rule.act(target.getClass()).flatMap(a -> a.refusal(reach(), target)).isEmpty());
    }

    private Set<String> scopes() {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("scope") != null) {
            return Arrays.stream(jwt.getClaim("scope").toString().replace("\"", "").split("\\s+"))
                    .filter(s -> !s.isBlank()).collect(Collectors.toSet());
        }
        return Set.of();
    }

    /** 403: the caller sees the target but does not act for the party this operation needs. */
    public static final class NotPermitted extends Problems.Forbidden {
        public NotPermitted(String messageKey) {
            super(Act.NOT_PERMITTED, messageKey);
        }

        /** Refused under a problem type of the act's own, e.g. {@code own-root-unit}. */
        public NotPermitted(String type, String messageKey, Object... args) {
            super(type, messageKey, args);
        }
    }

    /** 403: the caller's role (or integration scope) is not among those the operation admits. */
    public static final class RoleNotAdmitted extends Problems.Forbidden {
        public RoleNotAdmitted() {
            super("forbidden", "problem.forbidden.detail");
        }
    }
}
