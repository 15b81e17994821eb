package org.tuanjie.units.imports.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.problem.ProblemException;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.sheets.SheetReader;
import org.tuanjie.platform.sheets.SheetRefused;
import org.tuanjie.units.imports.UnitColumns;
import org.tuanjie.platform.sheets.SheetRow;
import org.tuanjie.units.imports.service.SheetPeople.SheetPerson;
import org.tuanjie.units.people.PeopleExceptions;
import org.tuanjie.units.people.Person;
import org.tuanjie.units.people.PersonRepository;
import org.tuanjie.units.people.service.PeopleService;
import org.tuanjie.units.unit.RootClaim;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitNames;
import org.tuanjie.units.unit.UnitPlacement;
import org.tuanjie.units.unit.UnitRepository;
import org.tuanjie.units.unit.service.UnitService;

/**
 * Bulk import of units: every row is checked first and every bad row reported (line, column,
 * reason); then all rows are created in one transaction, or none.
 */
@ApplicationScoped
public class UnitImportService {

    public static final int MAX_ROWS = 20_000;
    private static final int FLUSH_EVERY = 500;
    private static final List<String> REQUIRED = List.of("code", "name_zh", "kind");

    @Inject
    UnitRepository units;

    @Inject
    UnitService unitService;

    @Inject
    Guard guard;

    @Inject
    EntityManager em;

    @Inject
    PeopleService people;

    @Inject
    PersonRepository personRows;

    /** @param file the uploaded sheet, .xlsx when the media type says so and CSV otherwise */
    public ImportResult importSheet(Path file, String mediaType, boolean dryRun) {
        SheetReader.ReadSheet sheet = read(file, mediaType);
        List<Violation> errors = new ArrayList<>(sheet.missing(REQUIRED));
        if (!errors.isEmpty()) {
            throw new ImportInvalid(errors);
        }
        if (sheet.rows().isEmpty()) {
            throw new ImportInvalid(List.of(new Violation("file", "import.empty")));
        }
        return QuarkusTransaction.joiningExisting().call(() -> { // with an Idempotency-Key: commits with its record
            List<Unit> built = build(sheet.rows(), errors);
            List<SheetPerson> sheetPeople = SheetPeople.read(sheet.rows(), LocalDate.now(PeopleService.CALENDAR),
                    username -> personRows.findByUsername(username).isPresent(), errors);
            if (!errors.isEmpty()) {
                errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
                throw new ImportInvalid(errors);
            }
            long accounts = sheetPeople.stream().filter(p -> p.account() != null).count();
            if (dryRun) {
                return new ImportResult(true, sheet.rows().size(), 0, 0, 0);
            }
            for (int i = 0; i < built.size(); i++) {
                unitService.register(built.get(i));
                if ((i + 1) % FLUSH_EVERY == 0) {
                    em.flush();
                    em.clear();
                }
            }
            em.flush();
            record(sheetPeople);
            return new ImportResult(false, sheet.rows().size(), built.size(), sheetPeople.size(), (int) accounts);
        });
    }

    /**
     * The sheet's people, with their accounts, in the import's transaction: an identity server failing on any of
     * them fails the whole import, and the accounts already made are removed with its rollback.
     */
    private void record(List<SheetPerson> sheetPeople) {
        List<Person> recorded = new ArrayList<>();
        for (SheetPerson person : sheetPeople) {
            Unit unit = units.findByCode(person.unitCode()).orElseThrow();
            try {
                recorded.add(people.addToImportedUnit(unit, person.role(), person.details(), person.from(),
                        person.account()));
            } catch (PeopleExceptions.UsernameTaken | PeopleExceptions.PasswordRefused e) {
                String column = e instanceof PeopleExceptions.UsernameTaken ? person.usernameColumn() : "temporary_password";
                throw new ImportInvalid(List.of(new Violation(column, e.messageKey(), e.args()).atLine(person.line())));
            }
        }
        people.enableAccounts(recorded);
    }

    private static SheetReader.ReadSheet read(Path file, String mediaType) {
        try {
            return SheetReader.read(file, mediaType, MAX_ROWS, UnitColumns::canonical);
        } catch (SheetRefused e) {
            throw new ImportInvalid(List.of(e.violation()));
        }
    }

    /** Builds the units parents first, collecting every row's errors. */
    private List<Unit> build(List<SheetRow> rows, List<Violation> errors) {
        Map<String, SheetRow> byCode = new LinkedHashMap<>();
        Map<SheetRow, UnitKind> kinds = new HashMap<>();
        Map<SheetRow, UnitNames> names = new HashMap<>();
        for (SheetRow row : rows) {
            String code = normalizedCode(row.get("code"));
            if (code == null) {
                errors.add(new Violation("code", "field.required").atLine(row.line()));
            } else if (byCode.putIfAbsent(code, row) != null) {
                errors.add(new Violation("code", "import.duplicate", code).atLine(row.line()));
            }
            UnitKind kind = kind(row.get("kind"));
            if (kind == null) {
                errors.add(new Violation("kind", row.get("kind") == null ? "field.required" : "import.kind",
                        row.get("kind")).atLine(row.line()));
            } else {
                kinds.put(row, kind);
            }
            try {
                Map<String, String> byLanguage = new HashMap<>();
                putIfPresent(byLanguage, "zh", row.get("name_zh"));
                putIfPresent(byLanguage, "bo", row.get("name_bo"));
                putIfPresent(byLanguage, "en", row.get("name_en"));
                names.put(row, new UnitNames(byLanguage));
            } catch (ProblemException e) {
                errors.add(new Violation("name_zh", e.violations().get(0).messageKey(), e.violations().get(0).args())
                        .atLine(row.line()));
            }
        }
        Set<String> existing = existingCodes(byCode.keySet());
        for (String code : existing) {
            errors.add(new Violation("code", "import.exists", code).atLine(byCode.get(code).line()));
        }
        Map<String, Unit> parentsInDb = parentsInDatabase(rows, byCode.keySet());

        Map<String, Unit> built = new LinkedHashMap<>();
        Set<String> failed = new HashSet<>(existing);
        for (SheetRow row : rows) {
            buildRow(row, byCode, kinds, names, parentsInDb, built, failed, errors, new HashSet<>());
        }
        errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new ArrayList<>(built.values());
    }

    private Unit buildRow(SheetRow row, Map<String, SheetRow> byCode, Map<SheetRow, UnitKind> kinds,
            Map<SheetRow, UnitNames> names, Map<String, Unit> parentsInDb, Map<String, Unit> built, Set<String> failed,
            List<Violation> errors, Set<String> visiting) {
        String code = normalizedCode(row.get("code"));
        if (code == null || failed.contains(code) || byCode.get(code) != row) {
            return null;
        }
        if (built.containsKey(code)) {
            return built.get(code);
        }
        UnitKind kind = kinds.get(row);
        UnitNames unitNames = names.get(row);
        String parentCode = normalizedCode(row.get("parent_code"));
        Unit parent = null;
        boolean parentProblem = false;
        if (parentCode != null) {
            if (!visiting.add(code)) {
                errors.add(new Violation("parent_code", "import.cycle").atLine(row.line()));
                failed.add(code);
                return null;
            }
            SheetRow parentRow = byCode.get(parentCode);
            if (parentRow != null) {
                parent = buildRow(parentRow, byCode, kinds, names, parentsInDb, built, failed, errors, visiting);
                // the parent row's own errors are reported on its line
                parentProblem = parent == null;
            } else {
                parent = parentsInDb.get(parentCode);
                if (parent == null) {
                    errors.add(new Violation("parent_code", parentsInDb.containsKey(parentCode) ? "import.parent-out-of-reach"
                            : "import.parent", parentCode).atLine(row.line()));
                    parentProblem = true;
                }
            }
        } else if (!guard.permits(new RootClaim(code))) {
            errors.add(new Violation("parent_code", "import.root").atLine(row.line()));
            parentProblem = true;
        }
        if (kind == null || unitNames == null || parentProblem) {
            failed.add(code);
            return null;
        }
        try {
            Unit unit = parent == null ? Unit.root(code, kind, unitNames) : Unit.under(parent, code, kind, unitNames);
            built.put(code, unit);
            return unit;
        } catch (ProblemException e) {
            failed.add(code);
            if (e.violations().isEmpty()) {
                errors.add(new Violation("parent_code", e.messageKey(), e.args()).atLine(row.line()));
            } else {
                e.violations().forEach(v -> errors.add(new Violation(v.field(), v.messageKey(), v.args()).atLine(row.line())));
            }
            return null;
        }
    }

    private Set<String> existingCodes(Set<String> codes) {
        Set<String> existing = new HashSet<>();
        List<String> all = new ArrayList<>(codes);
        for (int i = 0; i < all.size(); i += 1000) {
            existing.addAll(em.createQuery("select u.code from Unit u where u.code in :codes", String.class)
                    .setParameter("codes", all.subList(i, Math.min(i + 1000, all.size()))).getResultList());
        }
        return existing;
    }

    /**
     * Parents named by the file but not in it: they must exist where the policy lets the caller place units; one that
     * exists elsewhere maps to null.
     */
    private Map<String, Unit> parentsInDatabase(List<SheetRow> rows, Set<String> inFile) {
        Set<String> wanted = new HashSet<>();
        for (SheetRow row : rows) {
            String parent = normalizedCode(row.get("parent_code"));
            if (parent != null && !inFile.contains(parent)) {
                wanted.add(parent);
            }
        }
        Map<String, Unit> found = new HashMap<>();
        List<String> all = new ArrayList<>(wanted);
        for (int i = 0; i < all.size(); i += 1000) {
            // a parent elsewhere is kept as such (null), so the row can say why it cannot go under it
            units.list("code in ?1", all.subList(i, Math.min(i + 1000, all.size())))
                    .forEach(u -> found.put(u.code(), guard.permits(new UnitPlacement(u)) ? u : null));
        }
        return found;
    }

    private static String normalizedCode(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static UnitKind kind(String text) {
        return UnitKind.named(text).orElse(null);
    }

    public record ImportResult(boolean dryRun, int rows,
            @Schema(description = "Units created") int created,
            @Schema(description = "Principal leaders and liaisons recorded from the people columns") int people,
            @Schema(description = "Their accounts made at the identity server") int accounts) {
    }

    /** 400 listing every bad row; nothing was imported. */
    public static final class ImportInvalid extends Problems.InvalidInput {
        public ImportInvalid(List<Violation> errors) {
            super("import-invalid", "import.invalid", errors);
        }
    }
}
