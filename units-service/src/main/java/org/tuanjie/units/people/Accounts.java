package org.tuanjie.units.people;

import java.util.Set;
import java.util.UUID;

/**
 * People's accounts at the identity server. Every method either does all it says or throws
 * {@link PeopleExceptions.IdentityUnavailable} having left nothing of its own behind (best effort: a
 * failure in the middle of a create removes the account it began). An account is made disabled and enabled
 * once the write that made it is done, so one its write could not finish is never usable.
 */
public interface Accounts {

    /**
     * Makes a disabled account, with its roles, that must set a new password at first login (and set up OTP
     * where configured).
     *
     * @return the identity server's id of the account
     * @throws PeopleExceptions.UsernameTaken when the identity server already has the username
     * @throws PeopleExceptions.PasswordRefused when the temporary password fails the realm's password policy
     */
    String create(NewAccount account);

    /** Enables an account made by {@link #create}, once the write that made it is done. */
    void enable(String accountId);

    /** Gives the account the roles {@code granted} and takes {@code revoked} from it. */
    void changeRoles(String accountId, Set<AccountRole> granted, Set<AccountRole> revoked);

    /** Disables the account and ends its sessions, so no token is issued or refreshed for it any more. */
    void disable(String accountId);

    /**
     * Removes an account this suite created in a write that did not complete.
     *
     * @return whether it is gone (removed now, or already); false when the identity server could not be reached
     */
    boolean remove(String accountId);

    /** What the suite sets on a new account; the temporary password is passed on, never kept. */
    record NewAccount(String username, String firstName, String lastName, String unitCode, UUID personId,
            Set<AccountRole> roles, String temporaryPassword) {

        @Override
        public String toString() { // keeps the temporary password out of logs
            return "NewAccount[" + username + ", " + unitCode + ", " + roles + "]";
        }
    }
}
