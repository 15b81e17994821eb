package org.tuanjie.units.scorecard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        return new Card(unit, campaign, day, cards.catalogueOf(unit), cards.of(unit));
    }

    /**
     * The scorecards of every open unit in scope as of a day, computed together: one read of each kind of fact, and one
     * question to tasks-service.
     */
    Cards cards(ScorecardFacts.Scope scope, int year, LocalDate day) {
        OffsetDateTime bound = endOf(day);
        // tasks-service is asked first and answers while the database is read
        CompletableFuture<Optional<Map<UUID, Map<IndicatorCode, Integer>>>> open = rectification.openInBackground(scope, day);
        List<Unit> inScope = scope.subtree() ? openUnits(scope.root(), day) : List.of(scope.root());
        ScorecardFacts.Scope units = scope.subtree() ? scope.of(inScope) : scope;
        Map<String, CatalogueService.Published> catalogues = this.catalogues.publishedAround(scope.root(), year, bound);
        Map<UUID, Map<IndicatorCode, Evidence>> evidence = facts.evidence(units, year, day, bound);
        Map<ScoreKind, Map<UUID, Map<UUID, Map<IndicatorCode, BigDecimal>>>> scores = facts.scores(units, bound);
        Map<UUID, Map<UUID, Map<IndicatorCode, BigDecimal>>> self = scores.get(ScoreKind.SELF);
        Map<UUID, Map<UUID, Map<IndicatorCode, BigDecimal>>> reviews = scores.get(ScoreKind.REVIEW);
        Map<UUID, Set<ReadinessItem>> readiness = facts.readinessMissing(units);
        Map<UUID, Set<String>> domains = facts.domains(units, bound);
        Optional<Map<UUID, Map<IndicatorCode, Integer>>> openFindings = open.join();
        Map<UUID, Scorecard> byUnit = new HashMap<>();
        Map<UUID, CatalogueService.Published> judgedBy = new HashMap<>();
        for (Unit unit : inScope) {
            Set<ReadinessItem> missing = readiness.getOrDefault(unit.id(), Set.of(ReadinessItem.values()));
            Optional<CatalogueService.Published> catalogue = catalogues.entrySet().stream()
                    .filter(e -> unit.path().startsWith(e.getKey())).max(Map.Entry.comparingByKey(
                            java.util.Comparator.comparingInt(String::length))).map(Map.Entry::getValue);
            if (catalogue.isEmpty()) {
                byUnit.put(unit.id(), Scorecard.withoutCatalogue(missing));
                continue;
            }
            UUID id = catalogue.get().catalogue().id();
            judgedBy.put(unit.id(), catalogue.get());
            byUnit.put(unit.id(), Scorecard.of(new Scorecard.Facts(catalogue.get().indicators(),
                    catalogue.get().applicableTo(unit.kind(), domains.getOrDefault(unit.id(), Set.of())),
                    evidence.getOrDefault(unit.id(), Map.of()), self.getOrDefault(unit.id(), Map.of()).getOrDefault(id, Map.of()),
                    reviews.getOrDefault(unit.id(), Map.of()).getOrDefault(id, Map.of()),
                    openFindings.map(o -> o.getOrDefault(unit.id(), Map.of())).orElse(null), missing)));
        }
        return new Cards(inScope, byUnit, judgedBy, openFindings.isPresent());
    }

    /** Scorecards by unit, with the catalogue each is judged by, and whether tasks-service said which findings are open. */
    record Cards(List<Unit> units, Map<UUID, Scorecard> byUnit, Map<UUID, CatalogueService.Published> judgedBy,
            boolean findingsKnown) {

        Scorecard of(Unit unit) {
            return byUnit.get(unit.id());
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
            Rollup.Totals totals = Rollup.Totals.of(cards.of(unit));
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
