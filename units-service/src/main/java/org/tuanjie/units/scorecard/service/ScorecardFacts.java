package org.tuanjie.units.scorecard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tuanjie.units.dossier.ActivityKind;
import org.tuanjie.units.dossier.DossierKind;
import org.tuanjie.units.indicators.IndicatorCode;
import org.tuanjie.units.readiness.ReadinessItem;
import org.tuanjie.units.readiness.ReadinessProfile;
import org.tuanjie.units.scorecard.Evidence;
import org.tuanjie.units.scorecard.IndicatorScore;
import org.tuanjie.units.scorecard.ScoreKind;
import org.tuanjie.units.unit.Unit;

/**
 * What scorecards are computed from, read in one query each for one unit or a whole subtree: evidence on file, scores,
 * readiness, domain memberships, each as it stood at a moment.
 */
@ApplicationScoped
public class ScorecardFacts {

    @Inject
    EntityManager em;

    /**
     * One unit, or the unit with every unit below it. A subtree's units are named by id once they are known, so that
     * each fact is read through its per-unit index rather than by joining every row of the province to the units.
     */
    public record Scope(Unit root, boolean subtree, List<UUID> ids) {

        public Scope(Unit root, boolean subtree) {
            this(root, subtree, null);
        }

        /** The same scope, its units named. */
        Scope of(List<Unit> units) {
            return new Scope(root, subtree, units.stream().map(Unit::id).toList());
        }

        /** A condition on the unit id column {@code column} (native SQL). */
        String unitIs(String column) {
            return !subtree ? column + " = :unit"
                    : ids != null ? column + " = any(cast(string_to_array(:ids, ',') as uuid[]))"
                    : column + " in (select id from unit where path like :scope)";
        }

        String units(String alias) {
            return subtree ? alias + ".path like :scope" : alias + ".id = :unit";
        }

        <Q extends jakarta.persistence.Query> Q bind(Q query) {
            if (!subtree) {
                query.setParameter("unit", root.id());
            } else if (ids != null && query.getParameters().stream().anyMatch(p -> "ids".equals(p.getName()))) {
                query.setParameter("ids", ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",")));
            } else {
                query.setParameter("scope", root.unitPath().likePattern());
            }
            return query;
        }
    }

    /** Each unit's scorecard stamp (a unit with none has never been written to since stamps began: 0). */
    public Map<UUID, Long> stamps(Scope scope) {
        Map<UUID, Long> stamps = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery("select cast(s.unit_id as text), s.stamp from scorecard_stamp s where %s"
                .formatted(scope.unitIs("s.unit_id")))).getResultList();
        rows.forEach(row -> stamps.put(UUID.fromString((String) row[0]), ((Number) row[1]).longValue()));
        return stamps;
    }

    /** Entries under each code, per unit: dated in the year up to the day, filed by the moment, not withdrawn by then. */
    public Map<UUID, Map<IndicatorCode, Evidence>> evidence(Scope scope, int year, LocalDate day, OffsetDateTime bound) {
        LocalDate last = day.isBefore(LocalDate.of(year, 12, 31)) ? day : LocalDate.of(year, 12, 31);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery("""
                select cast(e.unit_id as text), c.code, e.kind, count(*)
                from dossier_entry e, unnest(e.indicator_codes) as c(code)
                where %s and e.entry_date between :first and :last and e.created_at <= :bound
                  and (e.withdrawn_at is null or e.withdrawn_at > :bound)
                group by e.unit_id, c.code, e.kind""".formatted(scope.unitIs("e.unit_id"))))
                .setParameter("first", LocalDate.of(year, 1, 1)).setParameter("last", last).setParameter("bound", bound)
                .getResultList();
        Map<UUID, Map<IndicatorCode, int[]>> documents = new HashMap<>();
        Map<UUID, Map<IndicatorCode, Map<ActivityKind, Integer>>> activities = new HashMap<>();
        for (Object[] row : rows) {
            UUID unit = UUID.fromString((String) row[0]);
            IndicatorCode code = new IndicatorCode((String) row[1]);
            DossierKind kind = DossierKind.valueOf((String) row[2]);
            int count = ((Number) row[3]).intValue();
            if (kind == DossierKind.DOCUMENT) {
                documents.computeIfAbsent(unit, u -> new HashMap<>()).computeIfAbsent(code, c -> new int[1])[0] += count;
            } else {
                activities.computeIfAbsent(unit, u -> new HashMap<>()).computeIfAbsent(code, c -> new EnumMap<>(ActivityKind.class))
                        .merge(ActivityKind.of(kind), count, Integer::sum);
            }
        }
        Map<UUID, Map<IndicatorCode, Evidence>> evidence = new HashMap<>();
        Set<UUID> unitsWithEntries = new HashSet<>(documents.keySet());
        unitsWithEntries.addAll(activities.keySet());
        for (UUID unit : unitsWithEntries) {
            Map<IndicatorCode, int[]> docs = documents.getOrDefault(unit, Map.of());
            Map<IndicatorCode, Map<ActivityKind, Integer>> acts = activities.getOrDefault(unit, Map.of());
            Set<IndicatorCode> codes = new HashSet<>(docs.keySet());
            codes.addAll(acts.keySet());
            Map<IndicatorCode, Evidence> byCode = new HashMap<>();
            codes.forEach(code -> byCode.put(code, new Evidence(docs.containsKey(code) ? docs.get(code)[0] : 0,
                    acts.getOrDefault(code, Map.of()))));
            evidence.put(unit, byCode);
        }
        return evidence;
    }

    /** The latest score of each kind on each code, per kind, unit and catalogue, given by the moment. */
    public Map<ScoreKind, Map<UUID, Map<UUID, Map<IndicatorCode, BigDecimal>>>> scores(Scope scope, OffsetDateTime bound) {
        Map<ScoreKind, Map<UUID, Map<UUID, Map<IndicatorCode, BigDecimal>>>> latest = new EnumMap<>(ScoreKind.class);
        for (ScoreKind kind : ScoreKind.values()) {
            latest.put(kind, new HashMap<>());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery("""
                select distinct on (s.unit_id, s.catalogue_id, s.code, s.kind)
                       cast(s.unit_id as text), cast(s.catalogue_id as text), s.code, s.kind, s.score
                from indicator_score s where %s and s.recorded_at <= :at
                order by s.unit_id, s.catalogue_id, s.code, s.kind, s.recorded_at desc, s.id desc"""
                .formatted(scope.unitIs("s.unit_id")))).setParameter("at", bound).getResultList();
        for (Object[] row : rows) {
            latest.get(ScoreKind.valueOf((String) row[3])).computeIfAbsent(UUID.fromString((String) row[0]), u -> new HashMap<>())
                    .computeIfAbsent(UUID.fromString((String) row[1]), c -> new HashMap<>())
                    .put(new IndicatorCode((String) row[2]), IndicatorScore.plain((BigDecimal) row[4]));
        }
        return latest;
    }

    /** What each unit's readiness profile lacks (now: profiles keep no history). */
    public Map<UUID, Set<ReadinessItem>> readinessMissing(Scope scope) {
        Map<UUID, Set<ReadinessItem>> missing = new HashMap<>();
        scope.bind(em.createQuery("select r from ReadinessProfile r, Unit u where u.id = r.unitId and %s"
                .formatted(scope.units("u")), ReadinessProfile.class)).getResultStream()
                .forEach(r -> missing.put(r.unitId(), r.missing()));
        return missing;
    }

    /** The codes of the "9+N进" domains each unit was a member of at the moment. */
    public Map<UUID, Set<String>> domains(Scope scope, OffsetDateTime bound) {
        Map<UUID, Set<String>> domains = new HashMap<>();
        scope.bind(em.createQuery("""
                select m.key.unitId, d.code from DomainMembership m, CampaignDomain d, Unit u
                where d.id = m.key.domainId and u.id = m.key.unitId and %s and m.addedAt <= :at"""
                .formatted(scope.units("u")), Object[].class)).setParameter("at", bound).getResultStream()
                .forEach(row -> domains.computeIfAbsent((UUID) row[0], u -> new HashSet<>()).add((String) row[1]));
        return domains;
    }
}
