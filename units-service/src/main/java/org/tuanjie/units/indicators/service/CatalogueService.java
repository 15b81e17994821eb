package org.tuanjie.units.indicators.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.access.UnitNotFound;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.platform.sheets.SheetReader;
import org.tuanjie.platform.sheets.SheetRefused;
import org.tuanjie.units.indicators.CatalogueRepository;
import org.tuanjie.units.indicators.Indicator;
import org.tuanjie.units.indicators.IndicatorCatalogue;
import org.tuanjie.units.indicators.IndicatorCode;
import org.tuanjie.units.indicators.IndicatorDefinition;
import org.tuanjie.units.indicators.IndicatorExceptions.CatalogueNotFound;
import org.tuanjie.units.indicators.IndicatorExceptions.DraftExists;
import org.tuanjie.units.indicators.IndicatorExceptions.SheetInvalid;
import org.tuanjie.units.indicators.IndicatorRepository;
import org.tuanjie.units.indicators.IndicatorTable;
import org.tuanjie.units.indicators.OwnedCatalogue;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitRepository;

/**
 * Indicator catalogues: made as drafts by the office that owns them (or one above), filled by importing their table,
 * published once; read by everyone within the owner's jurisdiction and by the offices above it. Who may do which is
 * the access policy's ({@code OwnedCatalogue}); this service hands it the catalogue with its owner.
 */
@ApplicationScoped
public class CatalogueService {

    /** The most catalogues one list returns: a few editions a year for each office seen. */
    public static final int LISTED = 500;
    /** Where commons-csv says a record broke ("… at line: 6, position: 12"). */
    @Inject
    CatalogueRepository catalogues;

    @Inject
    IndicatorRepository indicators;

    @Inject
    UnitRepository units;

    @Inject
    Guard guard;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** A catalogue as read: with its owner and its indicators in order. */
    public record CatalogueRead(IndicatorCatalogue catalogue, Unit owner, List<IndicatorDefinition> indicators) {
    }

    /** What an import did, or (dry run) would do. */
    public record Replaced(IndicatorCatalogue catalogue, boolean dryRun, IndicatorTable table) {
    }

    public List<OwnedCatalogue> list(Integer year) {
        UnitPath root = guard.reach().root();
        var query = em.createQuery("""
                select c, o from IndicatorCatalogue c, Unit o where o.id = c.ownerUnitId
                and (o.path like :inside or :root like concat(o.path, '%'))"""
                + (year == null ? "" : " and c.year = :year") + """

                order by c.year desc, o.path, c.edition desc""", Object[].class)
                .setParameter("inside", root.likePattern()).setParameter("root", root.text());
        if (year != null) {
            query.setParameter("year", year);
        }
        return query.setMaxResults(LISTED).getResultStream()
                .map(row -> new OwnedCatalogue((IndicatorCatalogue) row[0], (Unit) row[1])).toList();
    }

    @Transactional
    public CatalogueRead create(UUID ownerId, int year, String title) {
        Unit owner = units.findByIdOptional(ownerId).map(u -> guard.require(u, () -> new UnitNotFound(ownerId)))
                .orElseThrow(() -> new UnitNotFound(ownerId));
        catalogues.draftOf(owner.id(), year).ifPresent(draft -> {
            throw new DraftExists(year, draft.edition());
        });
        IndicatorCatalogue catalogue = IndicatorCatalogue.draft(owner, year, catalogues.lastEdition(owner.id(), year) + 1, title);
        catalogues.persist(catalogue);
        catalogues.flush();
        return new CatalogueRead(catalogue, owner, List.of());
    }

    public CatalogueRead get(UUID id) {
        OwnedCatalogue owned = owned(id);
        return new CatalogueRead(owned.catalogue(), owned.owner(),
                indicators.of(id).stream().map(Indicator::definition).toList());
    }

    /**
     * Replaces a draft's whole table with the sheet's, every bad row reported at once; a dry run checks only. All or
     * nothing: with an Idempotency-Key the import commits with its record.
     */
    public Replaced replace(UUID id, long expectedVersion, Path sheet, String mediaType, boolean dryRun) {
        IndicatorSheet.Parsed parsed;
        try {
            parsed = IndicatorSheet.read(IndicatorSheet.parse(sheet, mediaType));
        } catch (SheetRefused e) {
            throw new SheetInvalid(List.of(e.violation()));
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            OwnedCatalogue owned = owned(id);
            IndicatorCatalogue catalogue = owned.catalogue();
            Versions.check(expectedVersion, catalogue.version());
            if (!parsed.errors().isEmpty()) {
                List<Violation> errors = new ArrayList<>(parsed.errors());
                errors.addAll(IndicatorTable.partly(parsed.rows(), parsed.lines(), parsed.codesOnBadRows()));
                errors.sort(Comparator.comparing(Violation::line, Comparator.nullsFirst(Comparator.naturalOrder())));
                throw new SheetInvalid(errors);
            }
            IndicatorTable.Checked checked = IndicatorTable.check(parsed.rows(), parsed.lines());
            if (checked.table() == null) {
                throw new SheetInvalid(checked.errors());
            }
            List<Indicator> rows = catalogue.replaceWith(checked.table()); // refuses a published one, dry run or not
            if (!dryRun) {
                indicators.deleteOf(id);
                em.flush();
                rows.forEach(em::persist);
                em.lock(catalogue, LockModeType.PESSIMISTIC_FORCE_INCREMENT); // now, so the answer names the new ETag
                em.flush();
            }
            return new Replaced(catalogue, dryRun, checked.table());
        });
    }

    @Transactional
    public CatalogueRead publish(UUID id, long expectedVersion) {
        OwnedCatalogue owned = owned(id);
        IndicatorCatalogue catalogue = owned.catalogue();
        Versions.check(expectedVersion, catalogue.version());
        catalogue.publish(indicators.countOf(id), caller.subject(), OffsetDateTime.now(ZoneOffset.UTC));
        catalogues.flush();
        return new CatalogueRead(catalogue, owned.owner(), indicators.of(id).stream().map(Indicator::definition).toList());
    }

    /**
     * The catalogue a unit is judged by in a year: the latest published edition of the nearest office on the unit's
     * path that has one (a county's own before its province's), with the indicators that apply to the unit (its kind,
     * the "9+N进" domains it is a member of).
     */
    public Optional<InForce> inForce(Unit unit, int year) {
        return inForce(unit, year, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** The same, as it stood at a moment: published by then, and the unit's domains as they were. */
    public Optional<InForce> inForce(Unit unit, int year, OffsetDateTime at) {
        List<IndicatorCatalogue> found = em.createQuery("""
                select c from IndicatorCatalogue c, Unit o where o.id = c.ownerUnitId
                and :path like concat(o.path, '%') and c.year = :year
                and c.state = org.tuanjie.units.indicators.CatalogueState.PUBLISHED and c.publishedAt <= :at
                order by o.depth desc, c.edition desc""", IndicatorCatalogue.class)
                .setParameter("path", unit.path()).setParameter("year", year).setParameter("at", at)
                .setMaxResults(1).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IndicatorCatalogue catalogue = found.get(0);
        Set<String> domains = Set.copyOf(em.createQuery("""
                select d.code from DomainMembership m, CampaignDomain d
                where m.key.unitId = :unit and d.id = m.key.domainId and m.addedAt <= :at""", String.class)
                .setParameter("unit", unit.id()).setParameter("at", at).getResultList());
        List<IndicatorDefinition> all = indicators.of(catalogue.id()).stream().map(Indicator::definition).toList();
        return Optional.of(new InForce(catalogue, all, all.stream().filter(i -> i.appliesTo(unit.kind(), domains)).toList()));
    }

    /** The catalogue in force for a unit the caller sees, with its owner. */
    public Optional<OwnedInForce> inForce(UUID unitId, int year) {
        Unit unit = units.findByIdOptional(unitId).map(u -> guard.require(u, () -> new UnitNotFound(unitId)))
                .orElseThrow(() -> new UnitNotFound(unitId));
        return inForce(unit, year).map(f -> new OwnedInForce(f, units.findById(f.catalogue().ownerUnitId())));
    }

    public record OwnedInForce(InForce inForce, Unit owner) {
    }

    /**
     * Codes named for a unit in a year (a dossier entry's, a finding's, a target's) must be indicators of the catalogue
     * in force that apply to the unit; without a catalogue in force only their form was checked.
     *
     * @throws Problems.InvalidInput each code that is not, as an error on {@code field[i]}
     */
    public void requireApplicable(Unit unit, int year, List<IndicatorCode> codes, String field) {
        Optional<InForce> found = inForce(unit, year);
        if (found.isEmpty()) {
            return;
        }
        Set<IndicatorCode> all = found.get().all().stream().map(IndicatorDefinition::code).collect(Collectors.toSet());
        Set<IndicatorCode> applicable = found.get().applicable().stream().map(IndicatorDefinition::code).collect(Collectors.toSet());
        List<Violation> errors = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            IndicatorCode code = codes.get(i);
            if (!all.contains(code)) {
                errors.add(new Violation(field + "[" + i + "]", "indicator.unknown", code.value(), String.valueOf(year),
                        String.valueOf(found.get().catalogue().edition())));
            } else if (!applicable.contains(code)) {
                errors.add(new Violation(field + "[" + i + "]", "indicator.not-applicable", code.value(), unit.code()));
            }
        }
        if (!errors.isEmpty()) {
            throw new Problems.InvalidInput(errors);
        }
    }

    /**
     * The catalogues units at or below {@code root} may be judged by in a year, as they stood at a moment: the latest
     * published edition of each office on the root's path or below it, by the office's path. A unit is judged by that
     * of the longest path its own path starts with.
     */
    public Map<String, Published> publishedAround(Unit root, int year, OffsetDateTime at) {
        Map<String, Published> byOwnerPath = new HashMap<>();
        em.createQuery("""
                select c, o from IndicatorCatalogue c, Unit o where o.id = c.ownerUnitId and c.year = :year
                and c.state = org.tuanjie.units.indicators.CatalogueState.PUBLISHED and c.publishedAt <= :at
                and (o.path like :inside or :root like concat(o.path, '%'))
                order by c.edition""", Object[].class)
                .setParameter("year", year).setParameter("at", at).setParameter("inside", root.unitPath().likePattern())
                .setParameter("root", root.path()).getResultList()
                .forEach(row -> { // a list, not a stream: each row asks for its indicators
                    IndicatorCatalogue catalogue = (IndicatorCatalogue) row[0];
                    byOwnerPath.put(((Unit) row[1]).path(), new Published(catalogue, (Unit) row[1],
                            indicators.of(catalogue.id()).stream().map(Indicator::definition).toList()));
                });
        return byOwnerPath;
    }

    /** A published catalogue, its owner and its indicators. */
    public record Published(IndicatorCatalogue catalogue, Unit owner, List<IndicatorDefinition> indicators) {

        /** Those of its indicators that apply to a unit of this kind, member of these domains. */
        public List<IndicatorDefinition> applicableTo(org.tuanjie.units.unit.UnitKind kind, Set<String> domains) {
            return indicators.stream().filter(i -> i.appliesTo(kind, domains)).toList();
        }
    }

    /** A catalogue in force for a unit: all its indicators, and those that apply to the unit. */
    public record InForce(IndicatorCatalogue catalogue, List<IndicatorDefinition> all, List<IndicatorDefinition> applicable) {
    }

    private OwnedCatalogue owned(UUID id) {
        IndicatorCatalogue catalogue = catalogues.findByIdOptional(id).orElseThrow(() -> new CatalogueNotFound(id));
        return guard.require(new OwnedCatalogue(catalogue, units.findById(catalogue.ownerUnitId())), () -> new CatalogueNotFound(id));
    }
}
