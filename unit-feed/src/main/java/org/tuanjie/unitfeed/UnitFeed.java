package org.tuanjie.unitfeed;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.cluster.ClusterLock;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.unitsclient.Directory;
import org.tuanjie.unitsclient.client.UnitsCalls;
import org.tuanjie.unitsclient.client.UnitsClient.ChangePage;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;
import org.tuanjie.unitfeed.UnitCopies.Place;

/**
 * Keeps this service's copies of unit paths where units-service places the units. It follows
 * {@code GET /units/changes} with the service's own identity (whose reach is the deployment's root) from a cursor
 * kept in this service's database; a unit found elsewhere than its copies say has moved, and its copies, what lies
 * under it and what it owns follow it. A unit that left the root is marked departed: nobody here sees it any more.
 * Without this, officials of a township a school moved away from would keep reading its tasks. Each page's units
 * are then told to the service as {@link UnitsRead}, for what else it follows (agreements: a new principal leader).
 */
@ApplicationScoped
public class UnitFeed {

    private static final Logger LOG = Logger.getLogger(UnitFeed.class);
    private static final int PAGE = 200;
    /** Longer than Directory's cache of a unit (2 minutes) and any request that wrote with what it read. */
    static final Duration REREAD = Duration.ofMinutes(3);

    @Inject
    UnitsCalls calls;

    @Inject
    ServiceIdentity identity;

    @Inject
    UnitCopies copies;

    @Inject
    DataSource dataSource;

    /** The cluster lock a run holds: one replica at a time, whichever started it. */
    static final String LOCK = "unit-feed";

    @Inject
    Directory directory;

    @Inject
    Event<UnitsRead> unitsRead;

    @Scheduled(identity = "unit-feed", every = "${unit-feed.every:1m}", delayed = "${unit-feed.delayed:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runUnlessRunningElsewhere().filter(result -> result.moved() + result.departed() > 0).ifPresent(result ->
                    LOG.infof("Unit feed: %d unit(s) moved, %d left the root, %d row(s) rewritten", result.moved(),
                            result.departed(), result.rows()));
        } catch (FeedUnavailable e) {
            LOG.warnf("Unit feed not read, tried again at the next run: %s", e.why());
        }
    }

    /**
     * A scheduled turn: every replica schedules the feed, one runs it at a time; empty when another replica (or a
     * caller's run) holds it now, as this turn is then skipped.
     */
    @ActivateRequestContext
    public Optional<Result> runUnlessRunningElsewhere() {
        Optional<ClusterLock> lock = ClusterLock.tryTake(dataSource, LOCK);
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try (ClusterLock held = lock.get()) {
            return Optional.of(runHoldingTheLock(null));
        }
    }

    /**
     * Reads the changes since the settled cursor and moves the copies; one run at a time in the cluster (a replica's scheduled run skips while another runs; this one waits). Each run reads again what
     * runs of the last few minutes read: a row written meanwhile with a unit's old path (from a cache of another
     * replica, at most 2 minutes old, or a request that read the unit just before it moved) is moved too.
     */
    public Result run() {
        return runSeenFrom(null);
    }

    /**
     * The same run, reported as the caller's reach sees it: changes, moves and rows of units that are, or were,
     * within {@code reach} ({@code null}: everything, for the scheduled run). The run itself is system-wide, as
     * the replication must be; only what it tells is cut.
     */
    public Result runSeenFrom(UnitPath reach) {
        try (ClusterLock held = ClusterLock.take(dataSource, LOCK)) {
            return runHoldingTheLock(reach);
        }
    }

    private synchronized Result runHoldingTheLock(UnitPath reach) {
        Instant now = Instant.now();
        UnitCopies.FeedState state = copies.state();
        String cursor = state == null ? null : state.settled();
        int changes = 0;
        int moved = 0;
        int departed = 0;
        int rows = 0;
        ChangePage page;
        do {
            page = page(cursor);
            List<Place> places = new ArrayList<>();
            page.items().forEach(unit -> places.add(Place.of(unit)));
            changes += (int) page.items().stream().filter(unit -> reach == null || reach.covers(unit.unitPath())).count()
                    + (reach == null ? page.removed().size() : 0);
            page.removed().forEach(id -> places.add(Place.departed(id)));
            Map<UUID, UnitRef> units = new HashMap<>();
            page.items().forEach(unit -> units.put(unit.id(), unit));
            for (Map.Entry<UUID, Set<String>> stale : copies.stale(places).entrySet()) {
                UnitRef unit = units.get(stale.getKey());
                boolean seen = reach == null || stale.getValue().stream().anyMatch(reach::covers)
                        || unit != null && reach.covers(unit.unitPath());
                int rewritten = 0;
                if (unit == null) {
                    for (String old : stale.getValue()) {
                        rewritten += copies.move(old, UnitCopies.DEPARTED + old, null, Optional.empty(), true);
                    }
                } else {
                    Optional<UnitRef> township = townshipOf(unit);
                    for (String old : stale.getValue()) {
                        rewritten += copies.move(old, unit.pathText(), unit.code(), township, false);
                    }
                }
                if (seen) {
                    departed += unit == null ? 1 : 0;
                    moved += unit == null ? 0 : 1;
                    rows += rewritten;
                    changes += unit == null && reach != null ? 1 : 0;
                }
            }
            page.items().forEach(directory::forget);
            if (!page.items().isEmpty()) {
                unitsRead.fire(new UnitsRead(page.items()));
            }
            cursor = page.cursor();
        } while (page.more());
        copies.save(next(state, cursor, now));
        return new Result(changes, moved, departed, rows);
    }

    /** The cursor reached by a run becomes the start of later ones once it was reached {@link #REREAD} ago. */
    static UnitCopies.FeedState next(UnitCopies.FeedState state, String reached, Instant now) {
        if (state == null) {
            return new UnitCopies.FeedState(null, reached, now);
        }
        if (!state.reachedAt().plus(REREAD).isAfter(now)) {
            return new UnitCopies.FeedState(state.reached(), reached, now);
        }
        return state;
    }

    private ChangePage page(String cursor) {
        String bearer = identity.bearer();
        try {
            return calls.changes(bearer, cursor, PAGE)
                    .orElseThrow(() -> unavailable("units-service has no /units/changes", null));
        } catch (UnitsCalls.NotVisible e) {
            identity.reset();
            throw unavailable("units-service refused this service's token (" + e.status() + ")", null);
        } catch (FeedUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable("units-service could not be asked", e);
        }
    }

    static FeedUnavailable unavailable(String why, RuntimeException cause) {
        if (cause != null) {
            LOG.debugf(cause, "unit feed: %s", why);
        }
        return new FeedUnavailable(why + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")"));
    }

    private Optional<UnitRef> townshipOf(UnitRef unit) {
        return Directory.townshipOf(unit, () -> {
            try {
                return calls.ancestors(identity.bearer(), unit.id()).orElse(List.of());
            } catch (RuntimeException e) {
                throw unavailable("units-service could not be asked for the ancestors of " + unit.code(), e);
            }
        });
    }

    @Schema(name = "UnitFeedRun", description = "What one run of the unit feed did")
    public record Result(
            @Schema(description = "Units reported changed or gone since the run's cursor (a run reads the last few "
                    + "minutes again)", example = "3") int changes,
            @Schema(description = "Units whose copies here were somewhere else", example = "1") int moved,
            @Schema(description = "Units that left the deployment's root: hidden from everyone here", example = "0")
            int departed,
            @Schema(description = "Rows rewritten", example = "12") int rows) {
    }

    /** 503: units-service or the identity server could not be asked; copies already moved stay moved. */
    public static final class FeedUnavailable extends Problems.Unavailable {
        private final String why;

        public FeedUnavailable(String why) {
            super("unit-feed-unavailable", "unit-feed.unavailable", why);
            this.why = why;
        }

        public String why() {
            return why;
        }
    }
}
