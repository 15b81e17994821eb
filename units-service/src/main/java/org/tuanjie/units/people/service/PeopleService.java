package org.tuanjie.units.people.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.access.UnitNotFound;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.units.people.AccountGrant;
import org.tuanjie.units.people.AccountRole;
import org.tuanjie.units.people.Accounts;
import org.tuanjie.units.people.AccountState;
import org.tuanjie.units.people.Accounts.NewAccount;
import org.tuanjie.units.people.CurrentPeople;
import org.tuanjie.units.people.OrphanAccount;
import org.tuanjie.units.people.OrphanAccountRepository;
import org.tuanjie.units.people.PeopleExceptions.AccountLeftBehind;
import org.tuanjie.units.people.PeopleExceptions.PersonNotFound;
import org.tuanjie.units.people.PeopleExceptions.UsernameTaken;
import org.tuanjie.units.people.Person;
import org.tuanjie.units.people.PersonDetails;
import org.tuanjie.units.people.PersonRepository;
import org.tuanjie.units.people.PersonRole;
import org.tuanjie.units.people.UnitPeople;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitExceptions.UnitAlreadyClosed;
import org.tuanjie.units.unit.UnitHistoryEntry;
import org.tuanjie.units.unit.UnitHistoryRepository;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitRepository;
import org.tuanjie.units.unit.service.UnitService;

/**
 * The people of a unit and their accounts. Whether the caller sees the unit, may record its people and may
 * grant or revoke an account's roles is the access policy's ({@code UnitPolicy}): the unit, and each grant,
 * go through the guard before anything is read or written.
 *
 * <p>A write that touches an account is one whole: the identity server is called last, inside the
 * transaction, so its refusal rolls the record back (503, nothing written), and a transaction that fails
 * after the account was made removes that account again.
 */
@ApplicationScoped
public class PeopleService {

    /** The campaign's calendar: a period ends, and an account goes, by the day in China. */
    public static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

    /**
     * The most people one read of a unit's people returns, in their order: far more than a unit records in decades
     * (one liaison and one leader at a time, a few staff), so that the answer stays bounded.
     */
    public static final int PEOPLE_LISTED = 1000;

    @Inject
    UnitService units;

    @Inject
    UnitRepository unitRows;

    @Inject
    PersonRepository people;

    @Inject
    UnitHistoryRepository history;

    @Inject
    Accounts accounts;

    @Inject
    OrphanAccountRepository orphans;

    @Inject
    Guard guard;

    @Inject
    Caller caller;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EntityManager em;

    @Inject
    Event<CurrentPeople> currentPeople;

    /** An account to make with the person: username, roles, and the password to change at first login. */
    public record AccountRequest(String username, Set<AccountRole> roles, String temporaryPassword) {
    }

    @Transactional
    public Person add(UUID unitId, PersonRole role, PersonDetails details, LocalDate from, AccountRequest account) {
        Unit unit = units.unit(unitId);
        if (account != null) {
            requireGrant(unit, account.roles(), null);
        }
        Person person = record(unit, role, details, from, account);
        enableAccounts(List.of(person));
        return person;
    }

    /**
     * A leader or liaison of a unit the running import has just placed where the policy let it (so in the caller's
     * reach, even when it is the caller's new root, which the caller's reach does not know yet). Their accounts get
     * unit roles only, which every admin may grant; they are enabled by {@link #enableAccounts} once the import
     * is done.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Person addToImportedUnit(Unit unit, PersonRole role, PersonDetails details, LocalDate from,
            AccountRequest account) {
        if (account != null && account.roles().stream().anyMatch(AccountRole::isOffice)) {
            throw new IllegalArgumentException("an import grants unit roles only");
        }
        return record(unit, role, details, from, account);
    }

    private Person record(Unit unit, PersonRole role, PersonDetails details, LocalDate from, AccountRequest account) {
        if (unit.isClosed()) {
            throw new UnitAlreadyClosed(unit.code());
        }
        // one writer of a unit's people at a time: two newcomers cannot both end the same predecessor
        em.lock(unit, LockModeType.PESSIMISTIC_WRITE);
        UnitPeople unitPeople = peopleOf(unit);
        // a newcomer ends the predecessor's period, and with it their account: as if the caller revoked its roles
        // (none in a unit an import has just made)
        if (role != null && role.isSole()) {
            unitPeople.everyone().stream()
                    .filter(p -> p.role() == role && p.isOpen() && p.accountState() == AccountState.ACTIVE)
                    .forEach(predecessor -> requireGrant(unit, predecessor.accountRoles(),
                            predecessor.accountUsername()));
        }
        Person person = unitPeople.add(role, details, from);
        people.flush(); // the predecessor's period ends before the newcomer's begins (one open period per role)
        people.persist(person);
        people.flush();
        if (account != null) {
            openAccount(unit, person, account);
        }
        peopleChanged(unit, unitPeople, today(), caller.subject());
        return person;
    }

    @Transactional
    public Person openAccount(UUID unitId, UUID personId, AccountRequest account) {
        Unit unit = units.unit(unitId);
        Person person = person(unit, personId);
        requireGrant(unit, account.roles(), null);
        openAccount(unit, person, account);
        enableAccounts(List.of(person));
        peopleChanged(unit, peopleOf(unit), today(), caller.subject()); // a leader's new account signs for the unit
        return person;
    }

    /**
     * Sets the roles of the person's active account; what it grants and what it revokes both need the caller's
     * level ({@code UnitPolicy}), and both go on the unit's history. Undone at the identity server if the write
     * does not commit.
     */
    @Transactional
    public Person changeAccountRoles(UUID unitId, UUID personId, long expectedVersion, Set<AccountRole> roles) {
        Unit unit = units.unit(unitId);
        Person person = person(unit, personId);
        Versions.check(expectedVersion, person.version());
        List<Set<AccountRole>> change = person.changeAccountRoles(roles);
        Set<AccountRole> granted = change.get(0);
        Set<AccountRole> revoked = change.get(1);
        Set<AccountRole> touched = EnumSet.noneOf(AccountRole.class);
        touched.addAll(granted);
        touched.addAll(revoked);
        String accountId = person.accountId().orElseThrow();
        requireGrant(unit, touched, person.accountUsername());
        people.flush();
        // registered first: a change that fails half-way at the identity server is undone too
        ifNotCommitted(() -> accounts.changeRoles(accountId, revoked, granted));
        accounts.changeRoles(accountId, granted, revoked);
        onHistory(unit, person, granted, true, caller.subject());
        onHistory(unit, person, revoked, false, caller.subject());
        return person;
    }

    /**
     * Enables the accounts made for these people, the write that made them being done but for its commit (a
     * commit that fails after this removes them all the same).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enableAccounts(List<Person> made) {
        for (Person person : made) {
            person.accountId().ifPresent(accounts::enable);
        }
    }

    /**
     * Removes the accounts left behind by writes that did not commit while the identity server was gone.
     *
     * @return how many are left
     */
    public int removeOrphanAccounts() {
        int left = 0;
        for (OrphanAccount orphan : QuarkusTransaction.requiringNew().call(() -> orphans.listAll())) {
            if (accounts.remove(orphan.accountId())) {
                QuarkusTransaction.requiringNew().run(() -> orphans.deleteById(orphan.accountId()));
            } else {
                left++;
            }
        }
        return left;
    }

    /** @param all past periods too; else those not ended by today */
    public List<Person> list(UUID unitId, boolean all) {
        List<Person> listed = peopleOf(units.unit(unitId)).list(all, today());
        return listed.size() > PEOPLE_LISTED ? listed.subList(0, PEOPLE_LISTED) : listed;
    }

    public Person get(UUID unitId, UUID personId) {
        return person(units.unit(unitId), personId);
    }

    @Transactional
    public Person leave(UUID unitId, UUID personId, long expectedVersion, LocalDate on) {
        Unit unit = units.unit(unitId);
        Person person = person(unit, personId);
        Versions.check(expectedVersion, person.version());
        if (person.accountState() == AccountState.ACTIVE) {
            // ending the period ends the account, whenever that day comes: revoking its roles is the caller's act now
            requireGrant(unit, person.accountRoles(), person.accountUsername());
        }
        person.leave(on);
        people.flush();
        peopleChanged(unit, peopleOf(unit), today(), caller.subject());
        return person;
    }

    /**
     * What the turn of {@code day} changes, done as the suite itself: accounts of people whose period ended by then
     * are disabled (a leaving recorded ahead of time takes effect on its day), and units whose leader or liaison
     * starts or ends that day show their current ones. One unit per transaction: an identity server gone mid-way
     * leaves the rest for the next run.
     *
     * @return the accounts disabled
     */
    public int periodsTurn(LocalDate day) {
        int closed = 0;
        Set<UUID> turning = new LinkedHashSet<>(people.unitsWithAccountsEndedBy(day));
        turning.addAll(people.unitsWithSolePeriodsTurning(day));
        for (UUID unitId : turning) {
            closed += QuarkusTransaction.requiringNew().call(() -> {
                Unit unit = unitRows.findById(unitId);
                return peopleChanged(unit, peopleOf(unit), day, Caller.SYSTEM);
            });
        }
        return closed;
    }

    /**
     * What a change to the unit's people means as of {@code day}: the accounts of those whose period has ended go
     * (who may end them was decided when their end was recorded: {@link #leave}, a successor in {@link #record}, so
     * it is not asked again), and the current leader goes on the unit (and so into the change feed), leader and
     * liaison on the readiness profile.
     *
     * @param by who the revocations are recorded as done by
     * @return the accounts disabled
     */
    private int peopleChanged(Unit unit, UnitPeople unitPeople, LocalDate day, String by) {
        List<Person> ended = unitPeople.everyone().stream().filter(p -> p.accountOutlivesPeriod(day)).toList();
        int disabled = closeAccounts(unit, ended, by);
        Person leader = unitPeople.current(PersonRole.LEADER, day).orElse(null);
        Person liaison = unitPeople.current(PersonRole.LIAISON, day).orElse(null);
        unit.leaderIs(leader == null ? null : leader.id(), leader == null ? null : leader.nameZh(),
                leader == null ? null : leader.from(), leader == null || leader.accountState() != AccountState.ACTIVE
                        ? null : leader.accountUsername());
        currentPeople.fire(new CurrentPeople(unit.id(), leader, liaison));
        return disabled;
    }

    /** Each role granted to ({@code granted}) or revoked from the person's account, on the unit's history. */
    private void onHistory(Unit unit, Person person, Set<AccountRole> roles, boolean granted, String by) {
        for (AccountRole role : roles) {
            history.persist(UnitHistoryEntry.accountRole(unit.id(), granted, person.id(), person.accountUsername(),
                    role.tokenName(), by));
        }
    }

    private UnitPeople peopleOf(Unit unit) {
        return new UnitPeople(unit.id(), people.ofUnit(unit.id()));
    }

    private int closeAccounts(Unit unit, List<Person> ended, String by) {
        for (Person person : ended) {
            String accountId = person.accountId().orElseThrow();
            ifNotCommitted(() -> accounts.enable(accountId)); // the record still says ACTIVE then: so must Keycloak
            accounts.disable(accountId);
            person.accountDisabled();
            onHistory(unit, person, person.accountRoles(), false, by);
        }
        return ended.size();
    }

    private void openAccount(Unit unit, Person person, AccountRequest request) {
        person.checkAccountMayOpen(request.roles(), today());
        if (people.findByUsername(request.username()).isPresent()) {
            throw new UsernameTaken(request.username());
        }
        NewAccount spec = new NewAccount(request.username(), person.nameZh(), unit.nameZh(), unit.code(), person.id(),
                request.roles(), request.temporaryPassword());
        String id;
        try {
            id = accounts.create(spec);
        } catch (AccountLeftBehind left) {
            QuarkusTransaction.requiringNew().run(() -> orphans.persist(new OrphanAccount(left.accountId(),
                    request.username())));
            throw left;
        } catch (UsernameTaken taken) {
            // left behind by a write that failed with the identity server: gone once removed, and the name is free
            OrphanAccount orphan = orphans.findByUsername(request.username()).orElseThrow(() -> taken);
            if (!accounts.remove(orphan.accountId())) {
                throw taken;
            }
            orphans.delete(orphan);
            id = accounts.create(spec);
        }
        removeIfNotCommitted(id, request.username());
        person.accountOpened(id, request.username(), request.roles());
        onHistory(unit, person, request.roles(), true, caller.subject());
        people.flush();
    }

    /** The account made in this transaction goes again if the transaction does not commit. */
    private void removeIfNotCommitted(String accountId, String username) {
        ifNotCommitted(() -> {
            if (!accounts.remove(accountId)) {
                // the identity server is gone too: the account stays, disabled, until the periods job removes it
                QuarkusTransaction.requiringNew().run(() -> orphans.persist(new OrphanAccount(accountId, username)));
            }
        });
    }

    /** Undoes, at the identity server, what this transaction did there, when it does not commit. */
    private void ifNotCommitted(Runnable undo) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    undo.run();
                }
            }
        });
    }

    /** @param username the account the roles are taken from or given to, when it exists */
    private void requireGrant(Unit unit, Set<AccountRole> roles, String username) {
        UnitKind granterRoot = caller.unitCode().flatMap(unitRows::findByCode).map(Unit::kind).orElse(null);
        guard.require(new AccountGrant(unit, roles, granterRoot, username), () -> new UnitNotFound(unit.id()));
    }

    private Person person(Unit unit, UUID personId) {
        return people.findByIdOptional(personId).filter(p -> p.unitId().equals(unit.id()))
                .orElseThrow(() -> new PersonNotFound(personId));
    }

    private static LocalDate today() {
        return LocalDate.now(CALENDAR);
    }
}
