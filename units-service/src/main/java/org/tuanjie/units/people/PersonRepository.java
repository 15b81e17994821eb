package org.tuanjie.units.people;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    /** Every person of the unit, past and present. */
    public List<Person> ofUnit(UUID unitId) {
        return list("unitId = ?1", unitId);
    }
}
