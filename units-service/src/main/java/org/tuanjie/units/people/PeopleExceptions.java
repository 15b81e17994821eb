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

    /** 409: the person has an account already. */
    public static final class AccountExists extends Problems.Conflict {
        public AccountExists(String name, String username) {
            super("account-exists", "people.account-exists", name, username);
        }
    }

    /** 409: the person has no active account (none made, or disabled when they left). */
    public static final class AccountNotActive extends Problems.Conflict {
        public AccountNotActive(String name) {
            super("account-not-active", "people.account-not-active", name);
        }
    }

    /** 409: an account is made from the first day of the person's period, not before. */
    public static final class PeriodNotStarted extends Problems.Conflict {
        public PeriodNotStarted(String name, LocalDate from) {
            super("period-not-started", "people.period-not-started", name, from);
        }
    }

    /** 503, and the account the identity server began could not be removed: it is to be removed later. */
    public static final class AccountLeftBehind extends IdentityUnavailable {
        private final String accountId;

        public AccountLeftBehind(String accountId, String what) {
            super(what);
            this.accountId = accountId;
        }

        public String accountId() {
            return accountId;
        }
    }

    /** 409: the identity server, or another person here, has the username already. */
    public static final class UsernameTaken extends Problems.Conflict {
        public UsernameTaken(String username) {
            super("username-taken", "people.username-taken", username);
        }
    }

    /** 422: the role {@code unit-leader} signs the unit's agreements: only its principal leader holds it. */
    public static final class LeaderRoleForLeaderOnly extends Problems.Unprocessable {
        public LeaderRoleForLeaderOnly(String name, PersonRole role) {
            super("leader-role-not-leader", "people.leader-role-not-leader", name, role);
        }
    }

    /** 422: the identity server refused the temporary password under the realm's password policy. */
    public static final class PasswordRefused extends Problems.Unprocessable {
        public PasswordRefused(String why) {
            super("password-policy", "people.password-policy", why);
        }
    }

    /** 503: the identity server did not answer, or not as expected; nothing was recorded. */
    public static class IdentityUnavailable extends Problems.Unavailable {
        public IdentityUnavailable(String what) {
            super("identity-unavailable", "people.identity-unavailable", what);
        }
    }

    public static Problems.InvalidInput invalid(String field, String key, Object... args) {
        return new Problems.InvalidInput(new Violation(field, key, args));
    }
}
