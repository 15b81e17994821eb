package org.tuanjie.units.dossier;

import java.util.UUID;
import org.tuanjie.platform.problem.Problems;

/** Facts that stop a change to a unit's dossier. */
public final class DossierExceptions {

    private DossierExceptions() {
    }

    /** 404: no such entry, or one of a unit outside the caller's reach (the two look the same). */
    public static final class EntryNotFound extends Problems.NotFound {
        public EntryNotFound(Object id) {
            super("dossier-entry-not-found", "dossier.not-found", String.valueOf(id));
        }
    }

    public static final class EntryAlreadyWithdrawn extends Problems.Conflict {
        public EntryAlreadyWithdrawn(UUID id) {
            super("dossier-entry-withdrawn", "dossier.withdrawn", id);
        }
    }

    /** A unit files a document once: the same number again is a retry or a mistake, not a second document. */
    public static final class DocumentNumberTaken extends Problems.Conflict {
        public DocumentNumberTaken(String number) {
            super("document-number-taken", "dossier.number-taken", number);
        }
    }

    /** The readiness profile shows the document as its leading-group item: link another, or none, first. */
    public static final class DocumentInUse extends Problems.Conflict {
        public DocumentInUse(String number) {
            super("document-in-use", "dossier.document-in-use", number);
        }
    }
}
