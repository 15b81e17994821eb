package org.tuanjie.units.people;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class OrphanAccountRepository implements PanacheRepositoryBase<OrphanAccount, String> {

    public Optional<OrphanAccount> findByUsername(String username) {
        return find("lower(username) = lower(?1)", username).firstResultOptional();
    }
}
