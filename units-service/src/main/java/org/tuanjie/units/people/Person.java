package org.tuanjie.units.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
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
