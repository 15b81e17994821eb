package org.tuanjie.units.people.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.units.people.PeopleExceptions.PersonNotFound;
import org.tuanjie.units.people.Person;
import org.tuanjie.units.people.PersonDetails;
import org.tuanjie.units.people.PersonRepository;
import org.tuanjie.units.people.PersonRole;
import org.tuanjie.units.people.UnitPeople;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitExceptions.UnitAlreadyClosed;
import org.tuanjie.units.unit.service.UnitService;

/**
 * The people of a unit. Whether the caller sees the unit and may record its people is the access policy's
 * ({@code UnitPolicy}): the unit goes through the guard before anything about its people is read or written.
 */
@ApplicationScoped
public class PeopleService {

    @Inject
    UnitService units;

    @Inject
    PersonRepository people;

    @Inject
    EntityManager em;

    @Transactional
    public Person add(UUID unitId, PersonRole role, PersonDetails details, LocalDate from) {
        Unit unit = units.unit(unitId);
        if (unit.isClosed()) {
            throw new UnitAlreadyClosed(unit.code());
        }
        // one writer of a unit's people at a time: two newcomers cannot both end the same predecessor
        em.lock(unit, LockModeType.PESSIMISTIC_WRITE);
        Person person = new UnitPeople(unit.id(), people.ofUnit(unit.id())).add(role, details, from);
        people.flush(); // the predecessor's period ends before the newcomer's begins (one open period per role)
        people.persist(person);
        people.flush();
        return person;
    }

    /** @param all past periods too; else those not ended by today */
    public List<Person> list(UUID unitId, boolean all) {
        Unit unit = units.unit(unitId);
        return new UnitPeople(unit.id(), people.ofUnit(unit.id())).list(all, LocalDate.now());
    }

    public Person get(UUID unitId, UUID personId) {
        return person(units.unit(unitId), personId);
    }

    @Transactional
    public Person leave(UUID unitId, UUID personId, long expectedVersion, LocalDate on) {
        Person person = person(units.unit(unitId), personId);
        Versions.check(expectedVersion, person.version());
        person.leave(on);
        people.flush();
        return person;
    }

    private Person person(Unit unit, UUID personId) {
        return people.findByIdOptional(personId).filter(p -> p.unitId().equals(unit.id()))
                .orElseThrow(() -> new PersonNotFound(personId));
    }
}
