package org.tuanjie.units.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.problem.Problems;

/** The period rule of a unit's people, without the database. */
class UnitPeopleTest {

    private static final UUID UNIT = UUID.randomUUID();
    private static final LocalDate JAN = LocalDate.of(2025, 1, 1);
    private static final LocalDate MAR = LocalDate.of(2025, 3, 1);

    private static PersonDetails named(String name) {
        return new PersonDetails(name, null, null, null);
    }

    @Test
    void aNewLeaderEndsTheOpenPeriodTheDayBefore() {
        UnitPeople people = new UnitPeople(UNIT, List.of());
        Person a = people.add(PersonRole.LEADER, named("扎西"), JAN);
        Person b = people.add(PersonRole.LEADER, named("卓玛"), MAR);
        assertEquals(LocalDate.of(2025, 2, 28), a.to());
        assertNull(b.to());
        assertEquals(List.of(b), people.list(false, LocalDate.of(2025, 3, 1)));
        assertEquals(List.of(a, b), people.list(true, LocalDate.of(2025, 3, 1)));
    }

    @Test
    void aNewLeaderMustStartAfterThePreviousOne() {
        UnitPeople people = new UnitPeople(UNIT, List.of());
        Person a = people.add(PersonRole.LIAISON, named("扎西"), MAR);
        assertThrows(PeopleExceptions.PeriodOverlap.class, () -> people.add(PersonRole.LIAISON, named("卓玛"), MAR));
        assertThrows(PeopleExceptions.PeriodOverlap.class, () -> people.add(PersonRole.LIAISON, named("卓玛"), JAN));
        assertNull(a.to());
    }

    @Test
    void anEndedPeriodBlocksUntilItsLastDay() {
        UnitPeople people = new UnitPeople(UNIT, List.of());
        Person a = people.add(PersonRole.LEADER, named("扎西"), JAN);
        a.leave(LocalDate.of(2025, 6, 30));
        assertThrows(PeopleExceptions.PeriodOverlap.class,
                () -> people.add(PersonRole.LEADER, named("卓玛"), LocalDate.of(2025, 6, 30)));
        Person b = people.add(PersonRole.LEADER, named("卓玛"), LocalDate.of(2025, 7, 1));
        assertNull(b.to());
        assertEquals(LocalDate.of(2025, 6, 30), a.to());
    }

    @Test
    void staffAreMany() {
        UnitPeople people = new UnitPeople(UNIT, List.of());
        Person a = people.add(PersonRole.STAFF, named("王伟"), MAR);
        Person b = people.add(PersonRole.STAFF, named("李娜"), JAN);
        assertNull(a.to());
        assertEquals(List.of(b, a), people.list(false, MAR));
    }

    @Test
    void leavingOnceNotBeforeTheStart() {
        Person a = new UnitPeople(UNIT, List.of()).add(PersonRole.STAFF, named("王伟"), MAR);
        assertThrows(Problems.InvalidInput.class, () -> a.leave(JAN));
        a.leave(MAR);
        assertThrows(PeopleExceptions.AlreadyLeft.class, () -> a.leave(MAR.plusDays(1)));
        assertThrows(Problems.InvalidInput.class, () -> named(" "));
    }
}
