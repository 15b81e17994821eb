package org.tuanjie.units.people;

import java.time.LocalDate;
import java.util.UUID;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

/**
 * Facts that stop a change to a unit's people.
 */
public final class PeopleExceptions {

    private PeopleExceptions() {
    }

    /** 409: a liaison's or leader's period would overlap the one of their predecessor. */
    public static final class PeriodOverlap extends Problems.Conflict {
        public PeriodOverlap(PersonRole role, String previousName, LocalDate previousFrom, LocalDate from) {
            super("period-overlap", "people.period-overlap", role, previousName, previousFrom, from);
        }
    }

    /** 409: the person's period has already ended. */
    public static final class AlreadyLeft extends Problems.Conflict {
        public AlreadyLeft(String name, LocalDate to) {
            super("person-left", "people.left", name, to);
        }
    }

    /** 404: no such person in that unit. */
    public static final class PersonNotFound extends Problems.NotFound {
        public PersonNotFound(UUID id) {
            super("person-not-found", "people.not-found", String.valueOf(id));
        }
    }

    public static Problems.InvalidInput invalid(String field, String key, Object... args) {
        return new Problems.InvalidInput(new Violation(field, key, args));
    }
}
