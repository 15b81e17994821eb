package org.tuanjie.unitsclient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.unitsclient.client.UnitsCalls;
import org.tuanjie.unitsclient.client.UnitsClient;
import org.tuanjie.unitsclient.client.UnitsClient.MemberPage;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;

/**
 * Units as units-service knows them, asked with the caller's own token. Units are cached briefly by
 * code and id (paths change only when a unit moves); whether the caller may see one is decided
 * against the caller's jurisdiction, never by the cache.
 */
@ApplicationScoped
public class Directory {

    private static final Logger LOG = Logger.getLogger(Directory.class);
    private static final Duration TTL = Duration.ofMinutes(2);

    @Inject
    UnitsCalls calls;

    @Inject
    SecurityIdentity identity;

    /** Units by code and by id: two entries a unit, so this holds a province's 30,000 units. */
    static final int MAX_ENTRIES = 60_000;

    private final Cache<Object, UnitRef> cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(TTL).build();

    /** The unit named by {@code code}, if units-service shows it to the caller. */
    public Optional<UnitRef> byCode(String code) {
        UnitRef hit = cache.getIfPresent(code);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<UnitRef> unit = remote(() -> calls.byCode(bearer(), code));
        unit.ifPresent(this::remember);
        return unit;
    }

    public Optional<UnitRef> byId(UUID id) {
        UnitRef hit = cache.getIfPresent(id);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<UnitRef> unit = remote(() -> calls.byId(bearer(), id));
        unit.ifPresent(this::remember);
        return unit;
    }

    /**
     * A unit's name for a document or a download's name: its code while units-service does not show it or cannot
     * answer (a bulletin or a ledger is still written, only less well named).
     */
    public String nameOrCode(String code) {
        try {
            return byCode(code).map(UnitRef::name).orElse(code);
        } catch (RuntimeException unavailable) {
            return code;
        }
    }

    /** The same by id: the id itself when units-service cannot name the unit. */
    public String nameOrId(UUID id) {
        try {
            return byId(id).map(UnitRef::name).orElse(id.toString());
        } catch (RuntimeException unavailable) {
            return id.toString();
        }
    }

    /**
     * The unit as units-service describes it now, never from the cache: for a record that must hold what
     * units-service said at that moment (who led the unit when its agreement was signed). Refreshes the cache.
     */
    public Optional<UnitRef> current(UUID id) {
        Optional<UnitRef> unit = remote(() -> calls.byId(bearer(), id));
        unit.ifPresent(this::remember);
        return unit;
    }

    public Optional<List<UnitRef>> ancestors(UUID id) {
        return remote(() -> calls.ancestors(bearer(), id));
    }

    /** Every unit of the subtree under {@code id} (itself included), following the pages. */
    public Optional<List<UnitRef>> subtree(UUID id) {
        List<UnitRef> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            Optional<UnitsClient.UnitPage> page = remote(() -> calls.subtree(bearer(), id, 500, after));
            if (page.isEmpty()) {
                return Optional.empty();
            }
            all.addAll(page.get().items());
            cursor = page.get().next();
        } while (cursor != null);
        return Optional.of(all);
    }

    /** The township a unit lies in: itself if it is one, else its nearest township ancestor. */
    public Optional<UnitRef> townshipOf(UnitRef unit) {
        return townshipOf(unit, () -> ancestors(unit.id()).orElse(List.of()));
    }

    /** The same, with the unit's ancestors (root first) asked only when the unit is not a township itself. */
    public static Optional<UnitRef> townshipOf(UnitRef unit, Supplier<List<UnitRef>> ancestors) {
        if ("TOWNSHIP".equals(unit.kind())) {
            return Optional.of(unit);
        }
        return ancestors.get().stream().filter(a -> "TOWNSHIP".equals(a.kind())).reduce((first, second) -> second);
    }

    public Optional<UnitsClient.Readiness> readiness(UUID id) {
        return remote(() -> calls.readiness(bearer(), id));
    }

    /**
     * How many entries of one kind (an activity kind, or DOCUMENT) the unit's own dossier has on file, dated from
     * {@code from} to {@code to}, both included; withdrawn ones do not count. Empty when the caller does not see the unit.
     */
    public Optional<Long> entriesOnFile(UUID unitId, String kind, LocalDate from, LocalDate to) {
        return remote(() -> calls.dossierCounts(bearer(), unitId, kind, from, to)).map(UnitsClient.DossierCounts::total);
    }

    /** The indicators the unit is judged by in a year (units-service's catalogue in force). Empty when the caller does not see the unit. */
    public Optional<UnitsClient.UnitIndicators> indicators(UUID unitId, int year) {
        return remote(() -> calls.indicators(bearer(), unitId, year));
    }

    /** The unit's scorecard for a year: its indicators' points and reviewers' scores. Empty when the caller does not see the unit. */
    public Optional<UnitsClient.Scorecard> scorecard(UUID unitId, int year) {
        return remote(() -> calls.scorecard(bearer(), unitId, year));
    }

    public Optional<MemberPage> members(UUID domainId, int limit, String cursor) {
        return remote(() -> calls.members(bearer(), domainId, limit, cursor));
    }

    /** Drops what is cached of a unit: it changed (moved, renamed, closed). */
    public void forget(UnitRef unit) {
        cache.invalidate(unit.code());
        cache.invalidate(unit.id());
    }

    private void remember(UnitRef unit) {
        cache.put(unit.code(), unit);
        cache.put(unit.id(), unit);
    }

    private String bearer() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return "Bearer " + jwt.getRawToken();
        }
        return null;
    }

    private static <T> Optional<T> remote(Supplier<Optional<T>> call) {
        try {
            return call.get();
        } catch (UnitsCalls.NotVisible e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            // timeout, refused connection, open breaker, 5xx: the caller gets a quick 503
            LOG.warnf("units-service unavailable: %s", e.toString());
            throw new UnitsUnavailable();
        }
    }

    /** 503: units-service could not be asked; nothing was written. */
    public static final class UnitsUnavailable extends Problems.Unavailable {
        public UnitsUnavailable() {
            super("units-unavailable", "units.unavailable");
        }
    }

}
