package org.tuanjie.units.people;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    /** Every person of the unit, past and present. */
    public List<Person> ofUnit(UUID unitId) {
        return list("unitId = ?1", unitId);
    }

    /** Whoever has the account of that username, whatever its case. */
    public Optional<Person> findByUsername(String username) {
        return find("lower(accountUsername) = lower(?1)", username).firstResultOptional();
    }

    /** Units with an active account whose person's period ended by {@code day}. */
    public List<UUID> unitsWithAccountsEndedBy(LocalDate day) {
        return getEntityManager().createQuery("select distinct p.unitId from Person p where p.accountState = "
                + "org.tuanjie.units.people.AccountState.ACTIVE and p.to <= ?1", UUID.class).setParameter(1, day).getResultList();
    }

    /**
     * Units whose liaison's or leader's period started, or ended, in the week up to {@code day}: a week, so that
     * days the job did not run (the service was down) are caught up; a unit already up to date changes nothing.
     */
    public List<UUID> unitsWithSolePeriodsTurning(LocalDate day) {
        return getEntityManager().createQuery("select distinct p.unitId from Person p where p.role in ?1 "
                + "and (p.from between ?2 and ?3 or p.to between ?4 and ?5)", UUID.class)
                .setParameter(1, List.of(PersonRole.LEADER, PersonRole.LIAISON))
                .setParameter(2, day.minusDays(6)).setParameter(3, day)
                .setParameter(4, day.minusDays(7)).setParameter(5, day.minusDays(1)).getResultList();
    }
}
