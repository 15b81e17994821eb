package org.tuanjie.units.scorecard;

import org.tuanjie.platform.problem.Problems;

public final class ScorecardExceptions {

    private ScorecardExceptions() {
    }

    /** No catalogue in force for the unit and year: nothing to score against. */
    public static final class NoCatalogue extends Problems.Unprocessable {
        public NoCatalogue(String unitCode, int year) {
            super("no-catalogue", "scorecard.no-catalogue", unitCode, String.valueOf(year));
        }
    }
}
