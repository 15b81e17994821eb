package org.tuanjie.agreements.unitfeed;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.tuanjie.unitfeed.PathCopy;
import org.tuanjie.unitfeed.UnitCopies;

/**
 * Where agreements-service keeps copies of unit paths: they follow a unit that moves (the unit-feed module's UnitFeed).
 * The audit trail keeps the paths its entries were written with: the database refuses any change to it.
 */
@ApplicationScoped
public class AgreementPathCopies implements UnitCopies.PathCopies {

    private static final List<PathCopy> COPIES = List.of(
            PathCopy.ofUnit("agreement", "unit_path", "unit_id", true, "township_code", "township_name"),
            PathCopy.ofOwner("agreement", "issuer_path", "issuer_code"),
            PathCopy.ofOwner("agreement_template", "owner_path", "owner_code"));

    @Override
    public List<PathCopy> list() {
        return COPIES;
    }
}
