package org.tuanjie.units.indicators;

import java.util.List;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

public final class IndicatorExceptions {

    private IndicatorExceptions() {
    }

    public static final class CatalogueNotFound extends Problems.NotFound {
        public CatalogueNotFound(Object id) {
            super("catalogue-not-found", "catalogue.not-found", String.valueOf(id));
        }
    }

    /** A published catalogue is what units were judged by: a correction is the next edition. */
    public static final class CataloguePublished extends Problems.Conflict {
        public CataloguePublished(int year, int edition) {
            super("catalogue-published", "catalogue.published", String.valueOf(year), String.valueOf(edition));
        }
    }

    public static final class DraftExists extends Problems.Conflict {
        public DraftExists(int year, int edition) {
            super("catalogue-draft-exists", "catalogue.draft-exists", String.valueOf(year), String.valueOf(edition));
        }
    }

    public static final class CatalogueEmpty extends Problems.Unprocessable {
        public CatalogueEmpty() {
            super("catalogue-empty", "catalogue.empty");
        }
    }

    public static final class OwnerNotARegion extends Problems.Unprocessable {
        public OwnerNotARegion() {
            super("catalogue-owner-kind", "catalogue.owner-kind");
        }
    }

    /** 400 listing every bad row of an indicator sheet by line and column; nothing was changed. */
    public static final class SheetInvalid extends Problems.InvalidInput {
        public SheetInvalid(List<Violation> errors) {
            super("import-invalid", "import.invalid", errors);
        }
    }
}
