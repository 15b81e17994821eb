package org.tuanjie.platform.problem;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The period an evidence bundle (or a service's part of one) covers, checked alike by every service: its end not before
 * its start, and at most two campaign terms long. Each service's messages say {@code bundle.period-reversed} and
 * {@code bundle.period-too-long}.
 */
public final class BundlePeriods {

    /** The longest period a bundle covers: two campaign terms. */
    public static final int LONGEST_DAYS = 3700;

    private BundlePeriods() {
    }

    /** @throws Problems.InvalidInput (400, field {@code to}) when the period is reversed or too long */
    public static void check(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new Problems.InvalidInput(new Violation("to", "bundle.period-reversed"));
        }
        if (ChronoUnit.DAYS.between(from, to) > LONGEST_DAYS) {
            throw new Problems.InvalidInput(new Violation("to", "bundle.period-too-long", String.valueOf(LONGEST_DAYS)));
        }
    }
}
