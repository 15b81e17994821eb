package org.tuanjie.tasks.bundle;

import org.tuanjie.platform.problem.Messages;
import org.tuanjie.platform.problem.Problems;

/**
 * What stops a bundle from being read.
 */
public final class BundleExceptions {

    private BundleExceptions() {
    }

    /** Never asked for, expired and removed, or of a unit outside the caller's reach. */
    public static final class BundleNotFound extends Problems.NotFound {
        public BundleNotFound(Object id) {
            super("bundle-not-found", "bundle.not-found", String.valueOf(id));
        }
    }

    /** Still being built, or its build failed: its status says which. */
    public static final class BundleNotReady extends Problems.Conflict {
        public BundleNotReady(EvidenceBundle.State state) {
            super("bundle-not-ready", "bundle.not-ready", new Messages.Word("bundle.state." + state.name(), state.name()));
        }
    }
}
