package org.tuanjie.tasks.bulletin.service;

import java.time.LocalDate;
import java.util.List;
import org.tuanjie.tasks.figures.service.FiguresService;
import org.tuanjie.tasks.inspection.Category;
import org.tuanjie.tasks.inspection.Inspection;
import org.tuanjie.tasks.task.RectificationTask;

/**
 * What an inspection bulletin (督查通报) says, as the caller may see it: the problems found by category and, within
 * each, by unit, in the order and wording of the findings; the tasks assigned to rectify them; their figures.
 *
 * @param reference the document number (文号) as the office gives it, or empty for the office to fill in
 */
public record InspectionBulletin(String title, String reference, String office, LocalDate issued, Inspection inspection,
        List<CategoryProblems> problems, List<RectificationTask> tasks, FiguresService.Row figures) {

    /** The problems of one category, unit by unit in the order each unit's first problem was recorded. */
    public record CategoryProblems(Category category, List<UnitProblems> units) {

        public int count() {
            return units.stream().mapToInt(u -> u.descriptions().size()).sum();
        }
    }

    public record UnitProblems(String unitCode, String unitName, List<String> descriptions) {
    }

    public int findings() {
        return problems.stream().mapToInt(CategoryProblems::count).sum();
    }

    /** Units with at least one problem. */
    public long units() {
        return problems.stream().flatMap(p -> p.units().stream()).map(UnitProblems::unitCode).distinct().count();
    }
}
