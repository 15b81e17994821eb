package org.tuanjie.units.people;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tuanjie.platform.audit.Audited;

/**
 * A person of a unit in one role, for one period: from {@code from} to {@code to} (both days included;
 * no {@code to} while the period runs). Never deleted: leaving ends the period, and the past stays listable.
 */
@Entity
@Table(name = "person")
public class Person extends Audited {

    @Id
    private UUID id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PersonRole role;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @Column(name = "name_bo")
    private String nameBo;

    private String phone;

    private String position;

    @Column(name = "from_date", nullable = false, updatable = false)
    private LocalDate from;

    @Column(name = "to_date")
    private LocalDate to;

    /** The identity server's id of the person's account; none until one is made. */
    @Column(name = "account_id")
    private String accountId;

    @Column(name = "account_username")
    private String accountUsername;

    @Convert(converter = AccountRolesColumn.class)
    @Column(name = "account_roles")
    private Set<AccountRole> accountRoles = EnumSet.noneOf(AccountRole.class);

    @Enumerated(EnumType.STRING)
    @Column(name = "account_state")
    private AccountState accountState;

    protected Person() {
        // for JPA
    }

    static Person of(UUID unitId, PersonRole role, PersonDetails details, LocalDate from) {
        if (from == null) {
            throw PeopleExceptions.invalid("from", "field.required");
        }
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.unitId = unitId;
        person.role = role;
        person.nameZh = details.nameZh();
        person.nameBo = details.nameBo();
        person.phone = details.phone();
        person.position = details.position();
        person.from = from;
        return person;
    }

    /** Ends the period on {@code on} (included). */
    public void leave(LocalDate on) {
        if (to != null) {
            throw new PeopleExceptions.AlreadyLeft(nameZh, to);
        }
        if (on == null) {
            throw PeopleExceptions.invalid("on", "field.required");
        }
        if (on.isBefore(from)) {
            throw PeopleExceptions.invalid("on", "people.leave-before-from", from);
        }
        this.to = on;
    }

    /**
     * Checks that an account with these roles may be made for this person today: one account a person, within
     * their period (begun, and not ending today), and {@code unit-leader} (who signs the unit's agreements) for its
     * leader only.
     */
    public void checkAccountMayOpen(Set<AccountRole> roles, LocalDate today) {
        if (accountId != null) {
            throw new PeopleExceptions.AccountExists(nameZh, accountUsername);
        }
        if (roles == null || roles.isEmpty()) {
            throw PeopleExceptions.invalid("account.roles", "field.required");
        }
        if (to != null && !to.isAfter(today)) { // the day one leaves, the account goes: none is made that day
            throw new PeopleExceptions.AlreadyLeft(nameZh, to);
        }
        if (from.isAfter(today)) { // nor one for someone who does not hold the role yet (a leader-to-be would sign)
            throw new PeopleExceptions.PeriodNotStarted(nameZh, from);
        }
        if (roles.contains(AccountRole.UNIT_LEADER) && role != PersonRole.LEADER) {
            throw new PeopleExceptions.LeaderRoleForLeaderOnly(nameZh, role);
        }
    }

    /**
     * Changes the account's roles to {@code roles}, by the same rules as its opening.
     *
     * @return the roles granted (first) and revoked (second) by the change
     */
    public List<Set<AccountRole>> changeAccountRoles(Set<AccountRole> roles) {
        if (accountState != AccountState.ACTIVE) {
            throw new PeopleExceptions.AccountNotActive(nameZh);
        }
        if (roles == null || roles.isEmpty()) {
            throw PeopleExceptions.invalid("roles", "field.required");
        }
        if (roles.contains(AccountRole.UNIT_LEADER) && role != PersonRole.LEADER) {
            throw new PeopleExceptions.LeaderRoleForLeaderOnly(nameZh, role);
        }
        Set<AccountRole> granted = EnumSet.copyOf(roles);
        granted.removeAll(accountRoles);
        Set<AccountRole> revoked = EnumSet.noneOf(AccountRole.class);
        revoked.addAll(accountRoles);
        revoked.removeAll(roles);
        accountRoles = EnumSet.copyOf(roles);
        return List.of(granted, revoked);
    }

    /** Records the account the identity server made with these roles. */
    public void accountOpened(String id, String username, Set<AccountRole> roles) {
        this.accountId = id;
        this.accountUsername = username;
        this.accountRoles = EnumSet.copyOf(roles);
        this.accountState = AccountState.ACTIVE;
    }

    /** Whether the account is active although the period ended by {@code today}: the day one leaves, the account goes. */
    public boolean accountOutlivesPeriod(LocalDate today) {
        return accountState == AccountState.ACTIVE && to != null && !today.isBefore(to);
    }

    /** Records the account disabled; its roles stay recorded as those it held. */
    public void accountDisabled() {
        this.accountState = AccountState.DISABLED;
    }

    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    public String accountUsername() {
        return accountUsername;
    }

    public Set<AccountRole> accountRoles() {
        return accountRoles == null ? Set.of() : Set.copyOf(accountRoles);
    }

    public AccountState accountState() {
        return accountState;
    }

    /** Whether the period is open: no end recorded. */
    public boolean isOpen() {
        return to == null;
    }

    /** Whether the period has not ended by {@code day}. */
    public boolean isCurrentOn(LocalDate day) {
        return to == null || !to.isBefore(day);
    }

    public UUID id() {
        return id;
    }

    public UUID unitId() {
        return unitId;
    }

    public PersonRole role() {
        return role;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameBo() {
        return nameBo;
    }

    public String phone() {
        return phone;
    }

    public String position() {
        return position;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }
}
