package org.tuanjie.units.readiness;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ReadinessRepository implements PanacheRepositoryBase<ReadinessProfile, UUID> {
}
