package org.tuanjie.agreements.agreement;

import org.tuanjie.platform.problem.Problems;

public final class AgreementExceptions {

    private AgreementExceptions() {
    }

    public static final class AgreementNotFound extends Problems.NotFound {
        public AgreementNotFound(Object id) {
            super("agreement-not-found", "agreement.not-found", String.valueOf(id));
        }
    }

    public static final class IllegalAgreementTransition extends Problems.Conflict {
        public IllegalAgreementTransition(AgreementState from, String action) {
            super("illegal-transition", "agreement.illegal-transition", action, from);
        }
    }

    /** Only the principal leader of party B's own unit signs. */
    public static final class NotTheUnitsLeader extends Problems.Forbidden {
        public NotTheUnitsLeader(String code) {
            super("not-unit-leader", "agreement.not-unit-leader", code);
        }
    }
}
