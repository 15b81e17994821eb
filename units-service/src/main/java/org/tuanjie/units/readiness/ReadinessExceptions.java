package org.tuanjie.units.readiness;

import java.util.UUID;
import org.tuanjie.platform.problem.Problems;

/** Facts that stop a change to a readiness profile. */
public final class ReadinessExceptions {

    private ReadinessExceptions() {
    }

    /** A unit's leading group is set up by a document of its own dossier, not another unit's. */
    public static final class DocumentOfAnotherUnit extends Problems.Unprocessable {
        public DocumentOfAnotherUnit(UUID documentId) {
            super("document-of-another-unit", "readiness.document-other-unit", documentId);
        }
    }

    /** A withdrawn document no longer counts, so it cannot be what the profile shows. */
    public static final class DocumentWithdrawn extends Problems.Unprocessable {
        public DocumentWithdrawn(UUID documentId) {
            super("document-withdrawn", "readiness.document-withdrawn", documentId);
        }
    }
}
