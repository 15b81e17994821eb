package org.tuanjie.units.scorecard.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tuanjie.units.indicators.IndicatorDefinition;
import org.tuanjie.units.readiness.ReadinessItem;
import org.tuanjie.units.scorecard.Scorecard;

/**
 * The facts of the scorecards this replica computed, each kept with the stamp its unit had before they were read
 * (table {@code scorecard_stamp}, moved by every write a scorecard depends on, in the writer's transaction). A unit
 * whose stamp has not moved is not read again; one whose stamp moved is. Facts read after a stamp are at least as new
 * as it, so an entry can be older than its stamp says only in the direction that forces a new read. Bounded by count,
 * and an entry not asked for in an hour is let go.
 */
@ApplicationScoped
public class KnownFacts {

    /** Whose facts, for which campaign year and day, judged by which catalogue (none: null). */
    public record Key(UUID unit, int year, LocalDate day, UUID catalogue) {
    }

    /**
     * What one unit's scorecard is computed from, apart from the open findings tasks-service is asked for each time.
     *
     * @param facts with no findings open; null when no catalogue is in force for the unit
     * @param standing what a roll-up needs of the card, worked out once
     */
    public record Entry(long stamp, Set<ReadinessItem> readinessMissing, Scorecard.Facts facts, Scorecard.Standing standing) {

        static Entry of(long stamp, Set<ReadinessItem> readinessMissing, Scorecard.Facts facts) {
            Scorecard noneOpen = facts == null ? Scorecard.withoutCatalogue(readinessMissing) : Scorecard.of(facts);
            return new Entry(stamp, readinessMissing, facts, noneOpen.standing(facts == null ? null : facts.lineage()));
        }
    }

    private final Cache<Key, Entry> entries;
    // a published catalogue does not change: its lineage is worked out once and shared by every unit it judges
    private final Cache<UUID, Scorecard.Lineage> lineages = Caffeine.newBuilder().maximumSize(1000).build();

    @Inject
    public KnownFacts(@ConfigProperty(name = "units.scorecards.known-facts", defaultValue = "20000") long capacity,
            MeterRegistry registry) {
        this.entries = Caffeine.newBuilder().maximumSize(capacity).expireAfterAccess(Duration.ofHours(1)).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, entries, "scorecard-facts");
    }

    /** The entry kept for the key, if its unit's stamp is still the one it was read with. */
    Entry current(Key key, long stamp) {
        Entry entry = entries.getIfPresent(key);
        return entry != null && entry.stamp() == stamp ? entry : null;
    }

    Scorecard.Lineage lineage(UUID catalogue, List<IndicatorDefinition> indicators) {
        return lineages.get(catalogue, id -> Scorecard.Lineage.of(indicators));
    }

    void keep(Key key, Entry entry) {
        entries.put(key, entry);
    }
}
