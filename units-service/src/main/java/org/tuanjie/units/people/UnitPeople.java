package org.tuanjie.units.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The people of one unit, past and present: the aggregate that keeps a unit to one liaison and one leader
 * at a time. Adding a liaison or leader ends the open period of the previous one the day before the
 * newcomer's {@code from}; a newcomer who does not start after the previous one started, or who would start
 * before an ended period of that role is over, is refused (409 {@code period-overlap}). Staff can be many.
 */
public final class UnitPeople {

    /** By role, then by the start of the period. */
    public static final Comparator<Person> ORDER = Comparator.comparing(Person::role)
            .thenComparing(Person::from).thenComparing(p -> p.id().toString());

    private final UUID unitId;
    private final List<Person> people;

    /** @param people every person of the unit, whatever their period */
    public UnitPeople(UUID unitId, List<Person> people) {
        this.unitId = unitId;
        this.people = new ArrayList<>(people);
    }

    /** @return the newcomer; a predecessor whose period it ends is changed in place */
    public Person add(PersonRole role, PersonDetails details, LocalDate from) {
        if (role == null) {
            throw PeopleExceptions.invalid("role", "field.required");
        }
        if (from == null) {
            throw PeopleExceptions.invalid("from", "field.required");
        }
        Person predecessor = null;
        if (role.isSole()) {
            for (Person other : people) {
                if (other.role() != role) {
                    continue;
                }
                if (other.isOpen()) {
                    if (!from.isAfter(other.from())) {
                        throw new PeopleExceptions.PeriodOverlap(role, other.nameZh(), other.from(), from);
                    }
                    predecessor = other;
                } else if (!from.isAfter(other.to())) {
                    throw new PeopleExceptions.PeriodOverlap(role, other.nameZh(), other.from(), from);
                }
            }
        }
        Person newcomer = Person.of(unitId, role, details, from);
        if (predecessor != null) {
            predecessor.leave(from.minusDays(1));
        }
        people.add(newcomer);
        return newcomer;
    }

    /** Every person of the unit, whatever their period, the newcomers of {@link #add} included. */
    public List<Person> everyone() {
        return List.copyOf(people);
    }

        /** Those whose period has not ended by {@code day}, or everyone; by role, then start. */
    public List<Person> list(boolean all, LocalDate day) {
        return people.stream().filter(p -> all || p.isCurrentOn(day)).sorted(ORDER).toList();
    }

    /** The liaison or leader whose period includes {@code day}, if any. */
    public Optional<Person> current(PersonRole role, LocalDate day) {
        return people.stream().filter(p -> p.role() == role && !p.from().isAfter(day) && p.isCurrentOn(day))
                .max(Comparator.comparing(Person::from));
    }
}
