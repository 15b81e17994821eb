package org.tuanjie.tasks.inspection;

import org.tuanjie.platform.problem.Problems;

public final class InspectionExceptions {

    private InspectionExceptions() {
    }

    public static final class InspectionNotFound extends Problems.NotFound {
        public InspectionNotFound(Object id) {
            super("inspection-not-found", "inspection.not-found", String.valueOf(id));
        }
    }

    public static final class FindingNotFound extends Problems.NotFound {
        public FindingNotFound(Object id) {
            super("finding-not-found", "finding.not-found", String.valueOf(id));
        }
    }

    /** A finding can only be recorded at a unit the inspection covered. */
    public static final class UnitNotCovered extends Problems.Unprocessable {
        public UnitNotCovered(String code) {
            super("unit-not-covered", "finding.unit-not-covered", code);
        }
    }
}
