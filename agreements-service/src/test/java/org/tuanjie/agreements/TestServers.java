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

    private TestServers() {
    }
}
