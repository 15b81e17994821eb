package org.tuanjie.units.dossier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.files.Files;
import org.tuanjie.platform.files.StoredFile;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.units.domain.CampaignDomain;
import org.tuanjie.units.domain.DomainExceptions.UnitOutsideOwner;
import org.tuanjie.units.domain.DomainRepository;
import org.tuanjie.units.domain.OwnedDomain;
import org.tuanjie.units.dossier.Activity;
import org.tuanjie.units.dossier.ActivityDetails;
import org.tuanjie.units.dossier.DocumentDetails;
import org.tuanjie.units.dossier.DocumentLinks;
import org.tuanjie.units.dossier.DossierDocument;
import org.tuanjie.units.dossier.DossierEntry;
import org.tuanjie.units.dossier.DossierExceptions.DocumentInUse;
import org.tuanjie.units.dossier.DossierExceptions.DocumentNumberTaken;
import org.tuanjie.units.dossier.DossierExceptions.EntryNotFound;
import org.tuanjie.units.dossier.DossierRepository;
import org.tuanjie.units.dossier.EntryFacts;
import org.tuanjie.units.indicators.service.CatalogueService;
import org.tuanjie.units.people.service.PeopleService;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitRepository;
import org.tuanjie.units.unit.service.UnitEvents;
import org.tuanjie.units.unit.service.UnitService;

/**
 * Filing, revising and withdrawing the entries of a unit's dossier, and reading one. Whether the caller sees the
 * unit (else the entry is missing) and may write its dossier (its own liaison or leader, or an admin whose reach
 * covers it) is the access policy's: every entry's unit goes through the {@link Guard}.
 */
@ApplicationScoped
public class DossierService {

    @Inject
    DossierRepository entries;

    @Inject
    UnitService unitService;

    @Inject
    UnitRepository units;

    @Inject
    DomainRepository domains;

    @Inject
    Guard guard;

    @Inject
    CatalogueService catalogues;

    @Inject
    Caller caller;

    @Inject
    Instance<DocumentLinks> links;

    @Inject
    Files files;

    @Transactional
    public Filed<Activity> fileActivity(UUID unitId, ActivityDetails details, List<UUID> attachments) {
        Unit unit = unitService.unit(unitId);
        requireFilable(unit, details.facts());
        Activity activity = Activity.file(unit, details, today());
        entries.persist(activity);
        entries.flush();
        return new Filed<>(activity, unit, attach(activity, attachments));
    }

    @Transactional
    public Filed<DossierDocument> fileDocument(UUID unitId, DocumentDetails details, List<UUID> attachments) {
        Unit unit = unitService.unit(unitId);
        requireFilable(unit, details.facts());
        requireNumberFree(unit, details.number(), null);
        DossierDocument document = DossierDocument.file(unit, details, today());
        entries.persist(document);
        entries.flush();
        return new Filed<>(document, unit, attach(document, attachments));
    }

    public Filed<Activity> activity(UUID id) {
        return entry(id, Activity.class);
    }

    public Filed<DossierDocument> document(UUID id) {
        return entry(id, DossierDocument.class);
    }

    @Transactional
    public Filed<Activity> reviseActivity(UUID id, long expectedVersion, ActivityDetails details, List<UUID> attachments) {
        Filed<Activity> filed = entry(id, Activity.class);
        Versions.check(expectedVersion, filed.entry().version());
        requireFilable(filed.unit(), details.facts());
        filed.entry().revise(details, today());
        entries.flush();
        return new Filed<>(filed.entry(), filed.unit(), attach(filed.entry(), attachments));
    }

    @Transactional
    public Filed<DossierDocument> reviseDocument(UUID id, long expectedVersion, DocumentDetails details, List<UUID> attachments) {
        Filed<DossierDocument> filed = entry(id, DossierDocument.class);
        Versions.check(expectedVersion, filed.entry().version());
        requireFilable(filed.unit(), details.facts());
        requireNumberFree(filed.unit(), details.number(), id);
        filed.entry().revise(details, today());
        entries.flush();
        return new Filed<>(filed.entry(), filed.unit(), attach(filed.entry(), attachments));
    }

    /** Withdraws an entry of either kind; a document the readiness profile shows stays until it is unlinked. */
    @Transactional
    public <T extends DossierEntry> Filed<T> withdraw(UUID id, Class<T> type, long expectedVersion, String reason) {
        Filed<T> filed = entry(id, type);
        Versions.check(expectedVersion, filed.entry().version());
        if (filed.entry() instanceof DossierDocument document && links.stream().anyMatch(l -> l.isLinked(document))) {
            throw new DocumentInUse(document.number());
        }
        filed.entry().withdraw(reason, caller.subject(), OffsetDateTime.now(ZoneOffset.UTC));
        entries.flush();
        return filed;
    }

    /** A moved subtree's entries are new to the phones of the reach it entered. */
    void unitMoved(@Observes UnitEvents.UnitMoved event) {
        entries.touchSubtree(event.unit().unitPath().likePattern());
    }

    /** The entry with its unit, as the current operation's rule lets the caller see and act on it. */
    private <T extends DossierEntry> Filed<T> entry(UUID id, Class<T> type) {
        T entry = entries.findByIdOptional(id).filter(type::isInstance).map(type::cast)
                .orElseThrow(() -> new EntryNotFound(id));
        Unit unit = guard.require(units.findById(entry.unitId()), () -> new EntryNotFound(id));
        return new Filed<>(entry, unit, files.of(AttachmentOwners.of(entry)));
    }

    /**
     * Gives the caller's uploads to the entry (in this transaction); files it holds already stay. A revision
     * adds files, it never drops what the dossier once showed.
     */
    private List<StoredFile> attach(DossierEntry entry, List<UUID> attachments) {
        if (attachments.isEmpty()) {
            return files.of(AttachmentOwners.of(entry));
        }
        List<StoredFile> held = files.attach(AttachmentOwners.of(entry), attachments, caller.subject(), "files");
        if (held.size() > DossierEntry.MAX_FILES) { // refused, so the transaction gives the uploads back
            throw new Problems.InvalidInput(new Violation("files", "dossier.files.too-many", DossierEntry.MAX_FILES));
        }
        return held;
    }

    /**
     * The indicators an entry is filed under must be in the catalogue in force for the unit in the entry's year and
     * apply to the unit, when there is one (filing under the wrong indicator is how archives end up "filed wrongly").
     * The domain an entry belongs to must be one the caller sees (else, as an unknown one, a field error) and its
     * jurisdiction must hold the unit: a school's activity belongs to its county's "进学校", not another county's.
     */
    private void requireFilable(Unit unit, EntryFacts facts) {
        catalogues.requireApplicable(unit, facts.date().getYear(), facts.indicators(), "indicatorCodes");
        UUID domainId = facts.domainId();
        if (domainId == null) {
            return;
        }
        CampaignDomain domain = domains.findByIdOptional(domainId).orElse(null);
        Unit owner = domain == null ? null : units.findById(domain.ownerUnitId());
        if (domain == null || !guard.sees(new OwnedDomain(domain, owner))) {
            throw new Problems.InvalidInput(new Violation("domainId", "dossier.domain-unknown", domainId));
        }
        if (!unit.isWithin(owner.path())) {
            throw new UnitOutsideOwner(unit.code());
        }
    }

    private void requireNumberFree(Unit unit, String number, UUID except) {
        if (entries.documentNumberTaken(unit.id(), number, except)) {
            throw new DocumentNumberTaken(number);
        }
    }

    private static LocalDate today() {
        return LocalDate.now(PeopleService.CALENDAR);
    }

    /** An entry, the unit whose dossier holds it, and its attachments (photos, the document's file). */
    public record Filed<T extends DossierEntry>(T entry, Unit unit, List<StoredFile> files) {
        public Filed(T entry, Unit unit) {
            this(entry, unit, List.of());
        }
    }
}
