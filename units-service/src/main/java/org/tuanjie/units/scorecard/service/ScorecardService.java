package org.tuanjie.units.scorecard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.access.UnitNotFound;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.units.domain.CampaignDomain;
import org.tuanjie.units.indicators.IndicatorCode;
import org.tuanjie.units.indicators.IndicatorDefinition;
import org.tuanjie.units.indicators.OwnedCatalogue;
import org.tuanjie.units.indicators.service.CatalogueService.InForce;
import org.tuanjie.units.indicators.service.CatalogueService;
import org.tuanjie.units.people.service.PeopleService;
import org.tuanjie.units.readiness.ReadinessItem;
import org.tuanjie.units.scorecard.Evidence;
import org.tuanjie.units.scorecard.IndicatorScore;
import org.tuanjie.units.scorecard.Rollup;
import org.tuanjie.units.scorecard.ScoreKind;
import org.tuanjie.units.scorecard.Scorecard;
import org.tuanjie.units.scorecard.ScorecardExceptions.NoCatalogue;
import org.tuanjie.units.scorecard.ScoredUnit;
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
    ScorecardFacts facts;

    @Inject
    KnownFacts known;

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
        Cards cards = cards(new ScorecardFacts.Scope(unit, false), campaign, day);
        return new Card(unit, campaign, day, cards.catalogueOf(unit), cards.card(unit));
    }

    /**
     * The scorecards of every open unit in scope as of a day, computed together: one question to tasks-service, and one
     * read of each kind of fact for the units whose facts this replica does not know as they stand ({@link KnownFacts}).
     */
    Cards cards(ScorecardFacts.Scope scope, int year, LocalDate day) {
        OffsetDateTime bound = endOf(day);
        // tasks-service is asked first and answers while the database is read
        CompletableFuture<Optional<Map<UUID, Map<IndicatorCode, Integer>>>> open = rectification.openInBackground(scope, day);
        List<Unit> inScope = scope.subtree() ? openUnits(scope.root(), day) : List.of(scope.root());
        ScorecardFacts.Scope units = scope.subtree() ? scope.of(inScope) : scope;
        // the stamps before the facts: facts read after a stamp are at least as new as it
        Map<UUID, Long> stamps = facts.stamps(units);
        Map<String, CatalogueService.Published> catalogues = this.catalogues.publishedAround(scope.root(), year, bound);
        Map<UUID, CatalogueService.Published> judgedBy = new HashMap<>();
        Map<UUID, KnownFacts.Entry> entries = new HashMap<>();
        List<Unit> unknown = new ArrayList<>();
        for (Unit unit : inScope) {
            catalogueFor(unit, catalogues).ifPresent(c -> judgedBy.put(unit.id(), c));
            KnownFacts.Entry entry = known.current(key(unit, year, day, judgedBy), stamps.getOrDefault(unit.id(), 0L));
            if (entry == null) {
                unknown.add(unit);
            } else {
                entries.put(unit.id(), entry);
            }
        }
        if (!unknown.isEmpty()) {
            ScorecardFacts.Scope read = scope.subtree() ? scope.of(unknown) : scope;
            Map<UUID, Map<IndicatorCode, Evidence>> evidence = facts.evidence(read, year, day, bound);
            Map<ScoreKind, Map<UUID, Map<UUID, Map<IndicatorCode, BigDecimal>>>> scores = facts.scores(read, bound);
            Map<UUID, Set<ReadinessItem>> readiness = facts.readinessMissing(read);
            Map<UUID, Set<String>> domains = facts.domains(read, bound);
            for (Unit unit : unknown) {
                Set<ReadinessItem> missing = readiness.getOrDefault(unit.id(), Set.of(ReadinessItem.values()));
                CatalogueService.Published catalogue = judgedBy.get(unit.id());
                Scorecard.Facts of = catalogue == null ? null : new Scorecard.Facts(catalogue.indicators(),
                        catalogue.applicableTo(unit.kind(), domains.getOrDefault(unit.id(), Set.of())),
                        evidence.getOrDefault(unit.id(), Map.of()),
                        scoresOf(scores.get(ScoreKind.SELF), unit, catalogue), scoresOf(scores.get(ScoreKind.REVIEW), unit, catalogue),
                        Map.of(), missing, known.lineage(catalogue.catalogue().id(), catalogue.indicators()));
                KnownFacts.Entry entry = KnownFacts.Entry.of(stamps.getOrDefault(unit.id(), 0L), missing, of);
                known.keep(key(unit, year, day, judgedBy), entry);
                entries.put(unit.id(), entry);
            }
        }
        return new Cards(inScope, entries, judgedBy, open.join());
    }

    /** The catalogue a unit is judged by: the one published by the nearest unit above it (or itself) that has one. */
    private static Optional<CatalogueService.Published> catalogueFor(Unit unit, Map<String, CatalogueService.Published> byOwnerPath) {
        CatalogueService.Published nearest = null;
        int depth = -1;
        for (Map.Entry<String, CatalogueService.Published> e : byOwnerPath.entrySet()) {
            if (unit.path().startsWith(e.getKey()) && e.getKey().length() > depth) {
                nearest = e.getValue();
                depth = e.getKey().length();
            }
        }
        return Optional.ofNullable(nearest);
    }

    private static KnownFacts.Key key(Unit unit, int year, LocalDate day, Map<UUID, CatalogueService.Published> judgedBy) {
        CatalogueService.Published catalogue = judgedBy.get(unit.id());
        return new KnownFacts.Key(unit.id(), year, day, catalogue == null ? null : catalogue.catalogue().id());
    }

    private static Map<IndicatorCode, BigDecimal> scoresOf(Map<UUID, Map<UUID, Map<IndicatorCode, BigDecimal>>> byUnit, Unit unit,
            CatalogueService.Published catalogue) {
        return byUnit.getOrDefault(unit.id(), Map.of()).getOrDefault(catalogue.catalogue().id(), Map.of());
    }

    /**
     * The units in scope with what their scorecards are computed from, the catalogue each is judged by, and the findings
     * open per unit (empty: tasks-service did not say).
     */
    record Cards(List<Unit> units, Map<UUID, KnownFacts.Entry> entries, Map<UUID, CatalogueService.Published> judgedBy,
            Optional<Map<UUID, Map<IndicatorCode, Integer>>> open) {

        /** A unit's scorecard in full. */
        Scorecard card(Unit unit) {
            KnownFacts.Entry entry = entries.get(unit.id());
            return entry.facts() == null ? Scorecard.withoutCatalogue(entry.readinessMissing())
                    : Scorecard.of(entry.facts().withOpenFindings(openAt(unit)));
        }

        /** A unit's scorecard added up, as a group of one. */
        Rollup.Totals totals(Unit unit) {
            return entries.get(unit.id()).standing().totals(openAt(unit));
        }

        boolean findingsKnown() {
            return open.isPresent();
        }

        private Map<IndicatorCode, Integer> openAt(Unit unit) {
            return open.map(o -> o.getOrDefault(unit.id(), Map.of())).orElse(null);
        }

        Optional<OwnedCatalogue> catalogueOf(Unit unit) {
            return Optional.ofNullable(judgedBy.get(unit.id())).map(p -> new OwnedCatalogue(p.catalogue(), p.owner()));
        }
    }

    /** Scorecards added up: over the unit's subtree, each unit directly below it with its own subtree, and each domain. */
    public record Groups(Unit root, int year, LocalDate asOf, Rollup.Totals total, List<Group> regions, Rollup.Spread regionSpread,
            List<Group> departments, Rollup.Spread departmentSpread, List<DomainGroup> domains, boolean findingsKnown) {
    }

    public record Group(Unit unit, Rollup.Totals totals) {
    }

    public record DomainGroup(UUID domainId, String code, String name, Rollup.Totals totals) {
    }

    /**
     * The scorecards of a unit's subtree added up: in all, per unit directly below it (a county's townships with their
     * villages, its departments), per "9+N进" domain (its members here), with the spread of the secured rate between
     * the regions below and between the departments.
     */
    public Groups rollup(UUID rootId, Integer year, LocalDate asOf) {
        Unit root = visible(rootId);
        LocalDate day = asOf == null ? today() : asOf;
        int campaign = year == null ? day.getYear() : year;
        Cards cards = cards(new ScorecardFacts.Scope(root, true), campaign, day);
        // each card summed once; each unit added to the unit directly below the root that it lies under (one pass)
        Map<UUID, Rollup.Totals> own = new HashMap<>();
        Map<String, Rollup.Totals> underChild = new HashMap<>();
        Rollup.Totals total = Rollup.Totals.NONE;
        String rootPath = root.path();
        for (Unit unit : cards.units()) {
            Rollup.Totals totals = cards.totals(unit);
            own.put(unit.id(), totals);
            total = total.plus(totals);
            if (unit.path().length() > rootPath.length() && unit.path().startsWith(rootPath)) {
                String child = unit.path().substring(0, unit.path().indexOf('/', rootPath.length()) + 1);
                underChild.merge(child, totals, Rollup.Totals::plus);
            }
        }
        List<Group> regions = new java.util.ArrayList<>();
        List<Group> departments = new java.util.ArrayList<>();
        for (Unit child : cards.units().stream().filter(u -> root.id().equals(u.parentId())).toList()) {
            (child.kind().isRegion() ? regions : departments).add(new Group(child,
                    underChild.getOrDefault(child.path(), Rollup.Totals.NONE)));
        }
        return new Groups(root, campaign, day, total, regions, spread(regions), departments, spread(departments),
                domains(root, cards.units(), own, endOf(day)), cards.findingsKnown());
    }

    private static Rollup.Spread spread(List<Group> groups) {
        return Rollup.Spread.of(groups.stream().map(g -> g.totals().securedRate()).toList());
    }

    /** Each domain with members in the subtree, over those members. */
    private List<DomainGroup> domains(Unit root, List<Unit> units, Map<UUID, Rollup.Totals> own, OffsetDateTime bound) {
        Map<UUID, DomainGroup> groups = new java.util.LinkedHashMap<>();
        em.createQuery("""
                select d, m.key.unitId from CampaignDomain d, DomainMembership m, Unit u
                where m.key.domainId = d.id and u.id = m.key.unitId and u.path like :scope and m.addedAt <= :at
                order by d.standard desc, d.code""", Object[].class)
                .setParameter("scope", root.unitPath().likePattern()).setParameter("at", bound).getResultStream()
                .forEach(row -> {
                    CampaignDomain domain = (CampaignDomain) row[0];
                    Rollup.Totals member = own.get((UUID) row[1]);
                    if (member != null) {
                        DomainGroup was = groups.getOrDefault(domain.id(), new DomainGroup(domain.id(), domain.code(),
                                domain.names().getOrDefault("zh", domain.code()), Rollup.Totals.NONE));
                        groups.put(domain.id(), new DomainGroup(was.domainId(), was.code(), was.name(), was.totals().plus(member)));
                    }
                });
        return List.copyOf(groups.values());
    }

    /** The units of the subtree open at the end of the day (closed later, or never), in hierarchy order. */
    private List<Unit> openUnits(Unit root, LocalDate day) {
        return em.createQuery("""
                select u from Unit u where u.path like :scope and (u.closedOn is null or u.closedOn > :day)
                order by u.path""", Unit.class)
                .setParameter("scope", root.unitPath().likePattern()).setParameter("day", day).getResultList();
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
