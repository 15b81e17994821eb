package org.tuanjie.agreements;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.tuanjie.testing.EmbeddedPostgresResource;
import org.tuanjie.testing.FakeUnitsService;

/**
 * What every test of this module runs against: an embedded PostgreSQL with database
 * {@code agreements}, and the contracts of units-service and tasks-service served from memory.
 */
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "agreements"))
@WithTestResource(value = FakeUnitsService.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTasksService.class, scope = TestResourceScope.GLOBAL)
public final class TestServers {

    /**
     * The deployment's root, as the service's own identity (the unit feed's) has it: above every county of the
     * classes that run the feed (540127, 540133). One for the whole run: the service keeps its token until it expires,
     * so a class setting another root would still be read with the root of the class before.
     */
    public static final String SERVICE_ROOT = "540000000000";

    private TestServers() {
    }
}
