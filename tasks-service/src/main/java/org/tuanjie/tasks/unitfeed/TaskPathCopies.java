package org.tuanjie.tasks.unitfeed;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.tuanjie.unitfeed.PathCopy;
import org.tuanjie.unitfeed.UnitCopies;

/** Where tasks-service keeps copies of unit paths: they follow a unit that moves (the unit-feed module's UnitFeed). */
@ApplicationScoped
public class TaskPathCopies implements UnitCopies.PathCopies {

    private static final List<PathCopy> COPIES = List.of(
            PathCopy.ofUnit("inspection_unit", "unit_path", "unit_id", false),
            PathCopy.ofUnit("finding", "unit_path", "unit_id", true),
            PathCopy.ofUnit("rectification_task", "unit_path", "unit_id", true, "township_code", "township_name"),
            PathCopy.ofOwner("inspection", "owner_path", "owner_code"),
            // the office that assigned the task: found by path only, when its unit is known to have moved
            PathCopy.ofOwner("rectification_task", "owner_path", null));

    @Override
    public List<PathCopy> list() {
        return COPIES;
    }
}
