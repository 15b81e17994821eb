package org.tuanjie.units.scorecard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.access.UnitNotFound;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.units.dossier.ActivityKind;
import org.tuanjie.units.dossier.DossierKind;
import org.tuanjie.units.indicators.IndicatorCode;
import org.tuanjie.units.indicators.IndicatorDefinition;
import org.tuanjie.units.indicators.OwnedCatalogue;
import org.tuanjie.units.indicators.service.CatalogueService;
import org.tuanjie.units.indicators.service.CatalogueService.InForce;
import org.tuanjie.units.people.service.PeopleService;
import org.tuanjie.units.readiness.ReadinessItem;
import org.tuanjie.units.readiness.ReadinessProfile;
import org.tuanjie.units.scorecard.Evidence;
import org.tuanjie.units.scorecard.IndicatorScore;
import org.tuanjie.units.scorecard.ScoreKind;
import org.tuanjie.units.scorecard.ScoredUnit;
import org.tuanjie.units.scorecard.Scorecard;
import org.tuanjie.units.scorecard.ScorecardExceptions.NoCatalogue;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitRepository;

/**
 * Scorecards: a unit against the catalogue in force for it, from its dossier (entries dated in the catalogue's year,
 * filed and not withdrawn by the day asked), the scores given it, and its readiness profile; as of any day.
 */
@ApplicationScoped
public class ScorecardService {

    @Inject
    CatalogueService catalogues;

    @Inject
    UnitRepository units;

    @Inject
    Guard guard;

    @Inject
    Rectification rectification;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** A scorecard with what it was computed for: the unit, the year, the day, and the catalogue (none in force: empty). */
    public record Card(Unit unit, int year, LocalDate asOf, Optional<OwnedCatalogue> catalogue, Scorecard scorecard) {
    }

    public Card card(UUID unitId, Integer year, LocalDate asOf) {
        Unit unit = visible(unitId);
        LocalDate day = asOf == null ? today() : asOf;
        int campaign = year == null ? day.getYear() : year;
        OffsetDateTime bound = endOf(day);
        Set<ReadinessItem> missing = Optional.ofNullable(em.find(ReadinessProfile.class, unit.id()))
                .map(ReadinessProfile::missing).orElse(Set.of(ReadinessItem.values()));
        Optional<InForce> inForce = catalogues.inForce(unit, campaign, bound);
        if (inForce.isEmpty()) {
            return new Card(unit, campaign, day, Optional.empty(), Scorecard.withoutCatalogue(missing));
        }
        UUID catalogueId = inForce.get().catalogue().id();
        Scorecard scorecard = Scorecard.of(new Scorecard.Facts(inForce.get().all(), inForce.get().applicable(),
                evidence(unit, campaign, day, bound), scores(unit, catalogueId, ScoreKind.SELF, bound),
                scores(unit, catalogueId, ScoreKind.REVIEW, bound), rectification.openAt(unit.id(), day).orElse(null), missing));
        return new Card(unit, campaign, day, Optional.of(new OwnedCatalogue(inForce.get().catalogue(),
                units.findById(inForce.get().catalogue().ownerUnitId()))), scorecard);
    }

    /**
     * Records a score on one indicator of the catalogue in force now: the unit's own (self) or a reviewer's, up to the
     * indicator's points, on an indicator that applies to the unit and has none below it (parents add up their leaves).
     */
    @Transactional
    public IndicatorScore score(UUID unitId, ScoreKind kind, Integer year, String code, BigDecimal score, String note) {
        Unit unit = units.findByIdOptional(unitId).filter(guard::sees).orElseThrow(() -> new UnitNotFound(unitId));
        if (kind == ScoreKind.SELF) {
            guard.require(unit, () -> new UnitNotFound(unitId));
        }
        int campaign = year == null ? today().getYear() : year;
        InForce inForce = catalogues.inForce(unit, campaign).orElseThrow(() -> new NoCatalogue(unit.code(), campaign));
        if (kind == ScoreKind.REVIEW) {
            guard.require(new ScoredUnit(unit, units.findById(inForce.catalogue().ownerUnitId())), () -> new UnitNotFound(unitId));
        }
        IndicatorCode indicator = IndicatorCode.parse(code)
                .orElseThrow(() -> new Problems.InvalidInput(new Violation("code", "dossier.indicator.form")));
        IndicatorDefinition scored = inForce.applicable().stream().filter(i -> i.code().equals(indicator)).findFirst()
                .orElseThrow(() -> new Problems.InvalidInput(new Violation("code", "indicator.not-applicable", indicator.value(),
                        unit.code())));
        if (inForce.all().stream().anyMatch(i -> indicator.equals(i.parent()))) {
            throw new Problems.InvalidInput(new Violation("code", "scorecard.score-on-parent", indicator.value()));
        }
        if (score.compareTo(scored.points()) > 0) {
            throw new Problems.InvalidInput(new Violation("score", "scorecard.score-above-points", score.toPlainString(),
                    scored.points().toPlainString()));
        }
        IndicatorScore recorded = new IndicatorScore(unit.id(), inForce.catalogue().id(), indicator.value(), kind, score,
                note == null || note.isBlank() ? null : note.strip(), OffsetDateTime.now(ZoneOffset.UTC), caller.subject());
        em.persist(recorded);
        return recorded;
    }

    /** Entries under each code: dated in the year up to the day, filed by its end, not withdrawn by then. */
    private Map<IndicatorCode, Evidence> evidence(Unit unit, int year, LocalDate day, OffsetDateTime bound) {
        LocalDate last = day.isBefore(LocalDate.of(year, 12, 31)) ? day : LocalDate.of(year, 12, 31);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.code, e.kind, count(*) from dossier_entry e, unnest(e.indicator_codes) as c(code)
                where e.unit_id = ?1 and e.entry_date between ?2 and ?3 and e.created_at <= ?4
                  and (e.withdrawn_at is null or e.withdrawn_at > ?4)
                group by c.code, e.kind""")
                .setParameter(1, unit.id()).setParameter(2, LocalDate.of(year, 1, 1)).setParameter(3, last)
                .setParameter(4, bound).getResultList();
        Map<IndicatorCode, Integer> documents = new HashMap<>();
        Map<IndicatorCode, Map<ActivityKind, Integer>> activities = new HashMap<>();
        for (Object[] row : rows) {
            IndicatorCode code = new IndicatorCode((String) row[0]);
            DossierKind kind = DossierKind.valueOf((String) row[1]);
            int count = ((Number) row[2]).intValue();
            if (kind == DossierKind.DOCUMENT) {
                documents.merge(code, count, Integer::sum);
            } else {
                activities.computeIfAbsent(code, c -> new EnumMap<>(ActivityKind.class)).merge(ActivityKind.of(kind), count,
                        Integer::sum);
            }
        }
        Set<IndicatorCode> codes = new HashSet<>(documents.keySet());
        codes.addAll(activities.keySet());
        Map<IndicatorCode, Evidence> evidence = new HashMap<>();
        codes.forEach(code -> evidence.put(code, new Evidence(documents.getOrDefault(code, 0), activities.getOrDefault(code, Map.of()))));
        return evidence;
    }

    /** The latest score of a kind on each code, given by then. */
    private Map<IndicatorCode, BigDecimal> scores(Unit unit, UUID catalogueId, ScoreKind kind, OffsetDateTime bound) {
        Map<IndicatorCode, BigDecimal> latest = new HashMap<>();
        em.createQuery("""
                select s from IndicatorScore s where s.unitId = :unit and s.catalogueId = :catalogue and s.kind = :kind
                and s.recordedAt <= :at order by s.recordedAt""", IndicatorScore.class)
                .setParameter("unit", unit.id()).setParameter("catalogue", catalogueId).setParameter("kind", kind)
                .setParameter("at", bound).getResultStream()
                .forEach(s -> latest.put(new IndicatorCode(s.code()), s.score()));
        return latest;
    }

    private Unit visible(UUID unitId) {
        return units.findByIdOptional(unitId).map(u -> guard.require(u, () -> new UnitNotFound(unitId)))
                .orElseThrow(() -> new UnitNotFound(unitId));
    }

    private static LocalDate today() {
        return LocalDate.now(PeopleService.CALENDAR);
    }

    /** The last moment of a county day. */
    private static OffsetDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(PeopleService.CALENDAR).toOffsetDateTime().minusNanos(1000);
    }
}
