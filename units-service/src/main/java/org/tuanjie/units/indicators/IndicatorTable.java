package org.tuanjie.units.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tuanjie.platform.problem.Violation;

/**
 * The rules a catalogue's indicators obey together, each broken one reported on the line it was read from: a code once;
 * a parent that is an indicator of the same table, never a loop; and a parent worth exactly what its children are
 * worth together, so that a unit's points are counted on the leaves once and the tree adds up to what the province
 * publishes. A leaf is where evidence is expected and scored.
 */
public final class IndicatorTable {

    public static final int MAX_INDICATORS = 2000;

    private final List<IndicatorDefinition> rows;

    private IndicatorTable(List<IndicatorDefinition> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * @param lines the line each row was read from, for the errors (a sheet's line, or the position in a request)
     * @return the table, or every violation of its rules when there is one
     */
    public static Checked check(List<IndicatorDefinition> rows, List<Integer> lines) {
        return check(rows, lines, Set.of(), true);
    }

    /**
     * The rules a sheet with unreadable rows can still be held to, so that one answer lists every error: codes once,
     * parents present (a parent on an unreadable row counts as present: its own line says what is wrong with it), no
     * loops. Points are not summed: a child missing from the rows would make every sum wrong.
     *
     * @param codesOnBadRows the codes of the rows that could not be read
     */
    public static List<Violation> partly(List<IndicatorDefinition> rows, List<Integer> lines, Set<IndicatorCode> codesOnBadRows) {
        return check(rows, lines, codesOnBadRows, false).errors();
    }

    private static Checked check(List<IndicatorDefinition> rows, List<Integer> lines, Set<IndicatorCode> present,
            boolean complete) {
        List<Violation> errors = new ArrayList<>();
        if (rows.size() > MAX_INDICATORS) {
            return new Checked(null, List.of(new Violation("file", "import.rows", MAX_INDICATORS)));
        }
        Map<IndicatorCode, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (index.putIfAbsent(rows.get(i).code(), i) != null) {
                errors.add(new Violation("code", "import.duplicate", rows.get(i).code().value()).atLine(lines.get(i)));
            }
        }
        Map<IndicatorCode, BigDecimal> childrenPoints = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            IndicatorDefinition row = rows.get(i);
            if (row.parent() == null) {
                continue;
            }
            if (present.contains(row.parent())) {
                continue;
            }
            if (!index.containsKey(row.parent())) {
                errors.add(new Violation("parent_code", "indicator.parent", row.parent().value()).atLine(lines.get(i)));
            } else if (loops(row, index, rows)) {
                errors.add(new Violation("parent_code", "import.cycle").atLine(lines.get(i)));
            } else {
                childrenPoints.merge(row.parent(), row.points(), BigDecimal::add);
            }
        }
        if (!complete) {
            childrenPoints.clear();
        }
        childrenPoints.forEach((parent, sum) -> {
            int i = index.get(parent);
            if (rows.get(i).points().compareTo(sum) != 0) {
                errors.add(new Violation("points", "indicator.points-sum", rows.get(i).points().toPlainString(),
                        sum.toPlainString()).atLine(lines.get(i)));
            }
        });
        errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return errors.isEmpty() ? new Checked(new IndicatorTable(rows), List.of()) : new Checked(null, errors);
    }

    private static boolean loops(IndicatorDefinition row, Map<IndicatorCode, Integer> index, List<IndicatorDefinition> rows) {
        Set<IndicatorCode> seen = new HashSet<>();
        IndicatorCode at = row.code();
        while (at != null && index.containsKey(at)) {
            if (!seen.add(at)) {
                return true;
            }
            at = rows.get(index.get(at)).parent();
        }
        return false;
    }

    public List<IndicatorDefinition> rows() {
        return rows;
    }

    /** The indicators no other has as parent: where evidence and scores are counted. */
    public List<IndicatorDefinition> leaves() {
        Set<IndicatorCode> parents = new HashSet<>();
        rows.forEach(r -> {
            if (r.parent() != null) {
                parents.add(r.parent());
            }
        });
        return rows.stream().filter(r -> !parents.contains(r.code())).toList();
    }

    /** The points of the whole table: its top-level indicators'. */
    public BigDecimal totalPoints() {
        return rows.stream().filter(r -> r.parent() == null).map(IndicatorDefinition::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A table that holds, or the reasons it does not. */
    public record Checked(IndicatorTable table, List<Violation> errors) {
    }
}
