package org.tuanjie.tasks.ledger.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.access.UnitNotFound;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.platform.sheets.SheetDates;
import org.tuanjie.platform.sheets.SheetReader;
import org.tuanjie.platform.sheets.SheetRefused;
import org.tuanjie.platform.sheets.SheetRow;
import org.tuanjie.platform.sheets.SheetUpload;
import org.tuanjie.tasks.config.TasksConfig;
import org.tuanjie.tasks.events.service.TasksEvents;
import org.tuanjie.tasks.inspection.Category;
import org.tuanjie.tasks.inspection.Finding;
import org.tuanjie.tasks.inspection.Inspection;
import org.tuanjie.tasks.inspection.Severity;
import org.tuanjie.tasks.inspection.UnitSnapshot;
import org.tuanjie.tasks.inspection.service.InspectionService;
import org.tuanjie.tasks.ledger.LedgerImport;
import org.tuanjie.tasks.task.RectificationTask;
import org.tuanjie.tasks.task.RectificationTask.Assignment;
import org.tuanjie.tasks.task.RectificationTask.CooperatingUnit;
import org.tuanjie.tasks.task.RectificationTask.LedgerHistory;
import org.tuanjie.tasks.task.TaskChanged;
import org.tuanjie.tasks.task.TaskEvent;
import org.tuanjie.tasks.task.TaskState;
import org.tuanjie.unitsclient.Directory;
import org.tuanjie.unitsclient.Jurisdiction;
import org.tuanjie.unitsclient.client.UnitsClient;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;

/**
 * Brings a county's existing rectification ledger (整改台账) in: each line a task of the caller's office, with its
 * inspection and finding when the line names one, and the times the ledger gives (found, assigned, submitted, signed
 * off) as the history's own; the timeline records beside them when the line was brought in and by whom. Every line is
 * checked first and every error reported by line and column; then all are written in one transaction, or none.
 */
@ApplicationScoped
public class LedgerImportService {

    public static final int MAX_ROWS = 5_000;
    static final List<String> REQUIRED = List.of("unit_code", "category", "title", "measures", "person", "deadline");
    /** How many tasks are written between two flushes of the persistence context. */
    private static final int FLUSH_EVERY = 200;
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[、,，;；\\n]+");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{12,18}");
    private static final Pattern NAMED_CODE = Pattern.compile(".*[（(]\\s*([0-9A-Za-z]{12,18})\\s*[)）]\\s*");

    @Inject
    Directory directory;

    @Inject
    Guard guard;

    @Inject
    Jurisdiction jurisdiction;

    @Inject
    Caller caller;

    @Inject
    TasksConfig config;

    @Inject
    EntityManager em;

    @Inject
    TasksEvents events;

    @Inject
    Event<TaskChanged> changed;

    /** @param ledger the uploaded file, .xlsx when the media type says so and CSV otherwise */
    public LedgerImportResult importLedger(SheetUpload ledger, String mediaType, boolean dryRun) {
        SheetReader.ReadSheet sheet;
        try {
            sheet = SheetReader.read(ledger.file(), mediaType, MAX_ROWS, LedgerColumns::canonical);
        } catch (SheetRefused e) {
            throw new LedgerInvalid(List.of(e.violation()));
        }
        List<Violation> errors = new ArrayList<>(sheet.missing(REQUIRED, LedgerColumns::header));
        if (!errors.isEmpty()) {
            throw new LedgerInvalid(errors);
        }
        if (sheet.rows().isEmpty()) {
            throw new LedgerInvalid(List.of(new Violation("file", "import.empty")));
        }
        String ownerCode = caller.unitCode().orElseThrow(() -> new UnitNotFound("unit_code"));
        Lines read = new Lines(config.today());
        List<Line> lines = new ArrayList<>();
        for (SheetRow row : sheet.rows()) {
            read.line(row, errors).ifPresent(lines::add);
        }
        Map<String, Group> groups = read.groups(lines, errors);
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
            throw new LedgerInvalid(errors);
        }
        String sha256 = ledger.sha256();
        int findings = (int) lines.stream().filter(l -> l.inspection() != null).count();
        int verified = (int) lines.stream().filter(l -> l.state() == TaskState.VERIFIED).count();
        return QuarkusTransaction.joiningExisting().call(() -> { // with an Idempotency-Key: commits with its record
            String root = jurisdiction.rootPath();
            em.createQuery("select l from LedgerImport l where l.ownerPath = :owner and l.fileSha256 = :sha", LedgerImport.class)
                    .setParameter("owner", root).setParameter("sha", sha256).getResultStream().findFirst()
                    .ifPresent(earlier -> {
                        throw new LedgerImportedBefore(earlier);
                    });
            if (dryRun) {
                return new LedgerImportResult(null, true, sheet.rows().size(), groups.size(), findings, lines.size(), verified);
            }
            UUID importId = UUID.randomUUID();
            em.persist(new LedgerImport(importId, ownerCode, root, sha256, sheet.rows().size(), groups.size(), findings,
                    lines.size(), caller.subject()));
            write(importId, ownerCode, root, lines, groups);
            return new LedgerImportResult(importId, false, sheet.rows().size(), groups.size(), findings, lines.size(), verified);
        });
    }

    private void write(UUID importId, String ownerCode, String root, List<Line> lines, Map<String, Group> groups) {
        ZoneId zone = config.zone();
        Map<String, Inspection> inspections = new HashMap<>();
        groups.forEach((title, group) -> {
            Inspection inspection = new Inspection(ownerCode, root, title, group.start, group.end, List.of(),
                    List.copyOf(group.units.values()), null);
            inspection.broughtIn(importId, startOf(group.start, zone));
            em.persist(inspection);
            inspections.put(title, inspection);
        });
        em.flush();
        Set<org.tuanjie.tasks.inspection.Category> proofNeeded = config.evidenceRequiredFor().orElse(Set.of());
        int written = 0;
        for (Line line : lines) {
            UUID findingId = null;
            Inspection inspection = line.inspection() == null ? null : inspections.get(line.inspection());
            if (inspection != null) {
                Finding finding = new Finding(inspection, line.unit(), line.category(), line.severity(),
                        line.description() != null ? line.description() : line.title(), line.indicator());
                finding.broughtIn(importId, startOf(line.found(), zone));
                em.persist(finding);
                events.findingRecorded(inspection, finding);
                findingId = finding.id();
            }
            Assignment assignment = new Assignment(findingId, inspection == null ? null : inspection.id(), line.title(),
                    line.category(), line.measures(), line.person(), line.cooperating(), line.deadline(),
                    proofNeeded.contains(line.category()));
            LedgerHistory history = new LedgerHistory(importId, startOf(line.assigned(), zone), line.original(),
                    line.state(), line.submitted() == null ? null : startOf(line.submitted(), zone), line.report(),
                    line.verified() == null ? null : startOf(line.verified(), zone), line.verifier());
            RectificationTask.FromLedger brought = RectificationTask.fromLedger(assignment, line.unit(), line.township(),
                    root, history, caller.subject());
            em.persist(brought.task());
            brought.timeline().forEach(em::persist);
            em.flush();
            for (TaskEvent event : brought.timeline()) {
                changed.fire(new TaskChanged(brought.task(), event));
            }
            if (++written % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        em.flush();
    }

    /** A day of the ledger as a moment: its start, in the county's time zone. */
    private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    /** One ledger line, checked: what the task, its finding and its history are made of. */
    record Line(int number, UnitSnapshot unit, UnitSnapshot township, Category category, String title, String measures,
            String person, LocalDate deadline, LocalDate original, TaskState state, String inspection,
            LocalDate inspectionDate, LocalDate found, LocalDate assigned, LocalDate submitted, LocalDate verified,
            String verifier, String description, Severity severity, String indicator, String report,
            List<CooperatingUnit> cooperating) {
    }

    /** The lines of one inspection: the days it ran and the units it covered. */
    static final class Group {
        LocalDate start;
        LocalDate end;
        final Map<UUID, UnitSnapshot> units = new LinkedHashMap<>();
    }

    /** Reads lines, asking units-service once per unit (and per unit and year for the indicators in force). */
    private final class Lines {
        private final LocalDate today;
        private final Map<String, Optional<UnitRef>> units = new HashMap<>();
        private final Map<UUID, Optional<UnitSnapshot>> townships = new HashMap<>();
        private final Map<String, Optional<UnitsClient.UnitIndicators>> indicators = new HashMap<>();

        Lines(LocalDate today) {
            this.today = today;
        }

        Optional<Line> line(SheetRow row, List<Violation> errors) {
            int n = row.line();
            int before = errors.size();
            UnitRef unit = unit(row, errors);
            Category category = word(row, "category", LedgerColumns::category, "ledger.category", errors);
            String title = text(row, "title", RectificationTask.TITLE_MAX, true, errors);
            String measures = text(row, "measures", RectificationTask.MEASURES_MAX, true, errors);
            String person = text(row, "person", RectificationTask.RESPONSIBLE_PERSON_MAX, true, errors);
            String inspection = text(row, "inspection", Inspection.TITLE_MAX, false, errors);
            String description = text(row, "description", Finding.DESCRIPTION_MAX, false, errors);
            String report = text(row, "report", RectificationTask.REPORT_MAX, false, errors);
            String verifier = text(row, "verifier", RectificationTask.RESPONSIBLE_PERSON_MAX, false, errors);
            Severity severity = row.get("severity") == null ? Severity.MEDIUM
                    : word(row, "severity", LedgerColumns::severity, "ledger.severity", errors);
            LocalDate deadline = date(row, "deadline", errors);
            LocalDate original = date(row, "original", errors);
            LocalDate inspectionDate = date(row, "inspection_date", errors);
            LocalDate found = date(row, "found", errors);
            LocalDate assigned = date(row, "assigned", errors);
            LocalDate submitted = date(row, "submitted", errors);
            LocalDate verified = date(row, "verified", errors);
            List<CooperatingUnit> cooperating = cooperating(row, errors);
            if (errors.size() > before) {
                return Optional.empty();
            }
            future(n, List.of(Map.entry("inspection_date", Optional.ofNullable(inspectionDate)),
                    Map.entry("found", Optional.ofNullable(found)), Map.entry("assigned", Optional.ofNullable(assigned)),
                    Map.entry("submitted", Optional.ofNullable(submitted)), Map.entry("verified", Optional.ofNullable(verified))),
                    errors);
            if (assigned == null) {
                assigned = found != null ? found : inspectionDate;
            }
            if (found == null) {
                found = assigned;
            }
            if (assigned == null) {
                errors.add(at(n, "assigned", "ledger.assigned-required"));
                return Optional.empty();
            }
            TaskState state = state(row, submitted, verified, errors);
            if (state == null) {
                return Optional.empty();
            }
            if (inspection == null && (description != null || row.get("indicator") != null || row.get("severity") != null)) {
                errors.add(at(n, row.get("description") != null ? "description" : row.get("indicator") != null
                        ? "indicator" : "severity", "ledger.finding-needs-inspection"));
            }
            inOrder(n, List.of(Map.entry("inspection_date", Optional.ofNullable(inspectionDate)),
                    Map.entry("found", Optional.of(found)), Map.entry("assigned", Optional.of(assigned)),
                    Map.entry("submitted", Optional.ofNullable(submitted)), Map.entry("verified", Optional.ofNullable(verified))),
                    errors);
            if (deadline.isBefore(assigned)) {
                errors.add(at(n, "deadline", "ledger.date-order", deadline.toString(), LedgerColumns.header("assigned"),
                        assigned.toString()));
            }
            if (original != null && original.isAfter(deadline)) {
                errors.add(at(n, "original", "ledger.original-after-deadline", original.toString(), deadline.toString()));
            }
            if (state == TaskState.VERIFIED && submitted == null) {
                submitted = verified; // a ledger that only says when it was signed off: reported that day at the latest
            }
            String indicator = indicator(row, unit, found, errors);
            if (errors.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new Line(n, InspectionService.snapshot(unit), township(unit), category, title, measures,
                    person, deadline, original, state, inspection, inspectionDate, found, assigned, submitted, verified,
                    verifier, description, severity, indicator, report, cooperating));
        }

        /** The inspections the lines name, by title: from the earliest day given to the latest, over their units. */
        Map<String, Group> groups(List<Line> lines, List<Violation> errors) {
            Map<String, Group> groups = new LinkedHashMap<>();
            for (Line line : lines) {
                if (line.inspection() == null) {
                    continue;
                }
                Group group = groups.computeIfAbsent(line.inspection(), t -> new Group());
                LocalDate first = line.inspectionDate() != null ? line.inspectionDate() : line.found();
                group.start = group.start == null || first.isBefore(group.start) ? first : group.start;
                group.end = group.end == null || line.found().isAfter(group.end) ? line.found() : group.end;
                group.end = group.end.isBefore(group.start) ? group.start : group.end;
                group.units.putIfAbsent(line.unit().id(), line.unit());
                if (group.units.size() > Inspection.UNITS_MAX) {
                    errors.add(at(line.number(), "inspection", "ledger.inspection-units", Inspection.UNITS_MAX));
                    group.units.remove(line.unit().id());
                }
            }
            return groups;
        }

        private UnitRef unit(SheetRow row, List<Violation> errors) {
            String code = row.get("unit_code");
            if (code == null) {
                errors.add(at(row.line(), "unit_code", "field.required"));
                return null;
            }
            Optional<UnitRef> unit = known(code);
            if (unit.isEmpty()) {
                errors.add(at(row.line(), "unit_code", "ledger.unit-unknown", code));
                return null;
            }
            if (!guard.permits(unit.get())) {
                errors.add(at(row.line(), "unit_code", "ledger.unit-own", code));
                return null;
            }
            return unit.get();
        }

        /** A unit units-service shows the caller, by code: one outside the caller's reach is as unknown as a missing one. */
        private Optional<UnitRef> known(String code) {
            return units.computeIfAbsent(code.trim().toUpperCase(Locale.ROOT),
                    c -> directory.byCode(c).filter(guard::sees));
        }

        private UnitSnapshot township(UnitRef unit) {
            return townships.computeIfAbsent(unit.id(), id -> directory.townshipOf(unit).map(InspectionService::snapshot))
                    .orElse(null);
        }

        private List<CooperatingUnit> cooperating(SheetRow row, List<Violation> errors) {
            String cell = row.get("cooperating");
            if (cell == null) {
                return List.of();
            }
            Set<CooperatingUnit> found = new LinkedHashSet<>();
            for (String entry : LIST_SEPARATOR.split(cell.trim())) {
                String trimmed = entry.trim();
                Matcher named = NAMED_CODE.matcher(trimmed);
                String code = named.matches() ? named.group(1) : CODE.matcher(trimmed).matches() ? trimmed : null;
                if (code == null) {
                    errors.add(at(row.line(), "cooperating", "ledger.cooperating-code", trimmed));
                    continue;
                }
                Optional<UnitRef> unit = known(code);
                if (unit.isEmpty()) {
                    errors.add(at(row.line(), "cooperating", "ledger.unit-unknown", code));
                    continue;
                }
                found.add(new CooperatingUnit(unit.get().id(), unit.get().code(), unit.get().name()));
            }
            if (found.size() > RectificationTask.COOPERATING_UNITS_MAX) {
                errors.add(at(row.line(), "cooperating", "ledger.cooperating-many", RectificationTask.COOPERATING_UNITS_MAX));
            }
            return List.copyOf(found);
        }

        private TaskState state(SheetRow row, LocalDate submitted, LocalDate verified, List<Violation> errors) {
            String word = row.get("state");
            TaskState state;
            if (word == null) {
                state = verified != null ? TaskState.VERIFIED : submitted != null ? TaskState.SUBMITTED : TaskState.ASSIGNED;
            } else {
                state = LedgerColumns.state(word).filter(LedgerHistory.STATES::contains).orElse(null);
                if (state == null) {
                    errors.add(at(row.line(), "state", "ledger.state", word, String.join("、", LedgerColumns.stateWords())));
                    return null;
                }
            }
            if (state == TaskState.VERIFIED && verified == null) {
                errors.add(at(row.line(), "verified", "ledger.verified-required"));
                return null;
            }
            if (state == TaskState.SUBMITTED && submitted == null) {
                errors.add(at(row.line(), "submitted", "ledger.submitted-required"));
                return null;
            }
            if (state != TaskState.VERIFIED && verified != null) {
                errors.add(at(row.line(), "verified", "ledger.verified-open", word));
                return null;
            }
            return state;
        }

        private String indicator(SheetRow row, UnitRef unit, LocalDate found, List<Violation> errors) {
            String code = row.get("indicator");
            if (code == null) {
                return null;
            }
            String canonical = code.trim().toUpperCase(Locale.ROOT);
            String year = String.valueOf(found.getYear());
            Optional<UnitsClient.UnitIndicators> judgedBy = indicators.computeIfAbsent(unit.id() + "/" + year,
                    key -> directory.indicators(unit.id(), found.getYear()));
            if (judgedBy.isEmpty() || !judgedBy.get().admits(canonical)) {
                errors.add(at(row.line(), "indicator", "finding.indicator-unknown", canonical, unit.code(), year));
                return null;
            }
            return canonical;
        }

        /** Each day given must not come before the one given before it (found, assigned, reported, signed off). */
        private void inOrder(int line, List<Map.Entry<String, Optional<LocalDate>>> days, List<Violation> errors) {
            Map.Entry<String, LocalDate> previous = null;
            for (Map.Entry<String, Optional<LocalDate>> day : days) {
                if (day.getValue().isEmpty()) {
                    continue;
                }
                if (previous != null && day.getValue().get().isBefore(previous.getValue())) {
                    errors.add(at(line, day.getKey(), "ledger.date-order", day.getValue().get().toString(),
                            LedgerColumns.header(previous.getKey()), previous.getValue().toString()));
                }
                previous = Map.entry(day.getKey(), day.getValue().get());
            }
        }

        /** History has happened: none of the days a ledger gives for it lies ahead. */
        private void future(int line, List<Map.Entry<String, Optional<LocalDate>>> days, List<Violation> errors) {
            for (Map.Entry<String, Optional<LocalDate>> day : days) {
                if (day.getValue().isPresent() && day.getValue().get().isAfter(today)) {
                    errors.add(at(line, day.getKey(), "ledger.date-future", day.getValue().get().toString()));
                }
            }
        }
    }

    private static <T> T word(SheetRow row, String column, java.util.function.Function<String, Optional<T>> parse,
            String messageKey, List<Violation> errors) {
        String word = row.get(column);
        if (word == null) {
            errors.add(at(row.line(), column, "field.required"));
            return null;
        }
        return parse.apply(word).orElseGet(() -> {
            errors.add(at(row.line(), column, messageKey, word));
            return null;
        });
    }

    private static String text(SheetRow row, String column, int max, boolean required, List<Violation> errors) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                errors.add(at(row.line(), column, "field.required"));
            }
            return null;
        }
        if (value.length() > max) {
            errors.add(at(row.line(), column, "ledger.too-long", max));
            return null;
        }
        return value;
    }

    private static LocalDate date(SheetRow row, String column, List<Violation> errors) {
        String value = row.get(column);
        if (value == null) {
            if (REQUIRED.contains(column)) {
                errors.add(at(row.line(), column, "field.required"));
            }
            return null;
        }
        return SheetDates.parse(value).orElseGet(() -> {
            errors.add(at(row.line(), column, "import.date-form", value, SheetDates.FORMS));
            return null;
        });
    }

    /** An error at a line, its field named by the column's header as the ledger writes it. */
    private static Violation at(int line, String column, String messageKey, Object... args) {
        return new Violation(LedgerColumns.header(column), messageKey, args).atLine(line);
    }

    /** What a ledger import made (or, for a dry run, would make). */
    @Schema(name = "LedgerImportResult")
    public record LedgerImportResult(
            @Schema(description = "The import, on every line of the timelines it wrote (`detail.importId`); absent on a dry run")
            UUID importId,
            boolean dryRun,
            @Schema(description = "Data lines in the file") int rows,
            @Schema(description = "Inspections made, one per distinct 督查 title") int inspections,
            @Schema(description = "Findings made, one per line naming an inspection") int findings,
            @Schema(description = "Rectification tasks made, one per line") int tasks,
            @Schema(description = "Of them, signed off (已销号) in the ledger") int verified) {
    }

    /** 400 listing every bad line; nothing was imported. */
    public static final class LedgerInvalid extends Problems.InvalidInput {
        public LedgerInvalid(List<Violation> errors) {
            super("ledger-invalid", "ledger.invalid", errors);
        }
    }

    /** 409: the office brought this very file in before. */
    public static final class LedgerImportedBefore extends Problems.Conflict {
        LedgerImportedBefore(LedgerImport earlier) {
            super("ledger-imported-before", "ledger.imported-before", earlier.importedAt().toLocalDate().toString(),
                    earlier.importedBy(), earlier.id().toString());
        }
    }
}
