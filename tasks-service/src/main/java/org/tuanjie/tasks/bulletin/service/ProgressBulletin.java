package org.tuanjie.tasks.bulletin.service;

import java.time.LocalDate;
import java.util.List;
import org.tuanjie.tasks.figures.service.FiguresService;

/**
 * What a progress bulletin (整改进展通报) says of a period, as things stood at its last day: the whole, each township in
 * league order with the spread between them, each unit in no township (the county's departments), the red-light
 * tasks by name, and the urgings sent.
 */
public record ProgressBulletin(String title, String reference, String unit, String office, LocalDate from, LocalDate to,
        LocalDate issued, FiguresService.Row total, FiguresService.League townships, List<FiguresService.Row> departments,
        long verifiedInPeriod, List<RedTask> red, Urgings urgings) {

    /** A task past its deadline and not signed off at the period's end. */
    public record RedTask(String unit, String title, LocalDate deadline, long daysLate) {
    }

    /** Urgings (督办) sent in the period: all, and those the suite sent by itself (催办). */
    public record Urgings(long sent, long automatic) {
    }
}
