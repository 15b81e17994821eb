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
}
