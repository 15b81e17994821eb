package org.tuanjie.units.domain;

import org.tuanjie.platform.problem.Problems;

public final class DomainExceptions {

    private DomainExceptions() {
    }

    public static final class DomainNotFound extends Problems.NotFound {
        public DomainNotFound(Object id) {
            super("domain-not-found", "domain.not-found", String.valueOf(id));
        }
    }

    public static final class DomainCodeTaken extends Problems.Conflict {
        public DomainCodeTaken(String code) {
            super("domain-code-taken", "domain.code-taken", code);
        }
    }

    public static final class UnitOutsideOwner extends Problems.Unprocessable {
        public UnitOutsideOwner(String code) {
            super("domain-outside-owner", "domain.outside-owner", code);
        }
    }

    public static final class OwnerNotARegion extends Problems.Unprocessable {
        public OwnerNotARegion() {
            super("domain-owner-kind", "domain.owner-kind");
        }
    }
}
