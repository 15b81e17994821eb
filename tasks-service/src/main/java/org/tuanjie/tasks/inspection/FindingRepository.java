package org.tuanjie.tasks.inspection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class FindingRepository implements PanacheRepositoryBase<Finding, UUID> {
}
