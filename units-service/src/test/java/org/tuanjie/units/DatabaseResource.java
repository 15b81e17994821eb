package org.tuanjie.units;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.tuanjie.testing.EmbeddedPostgresResource;

/**
 * One embedded PostgreSQL, database {@code units}, one {@link FakeKeycloak} and one {@link FakeTasksService}, for every
 * test of this module.
 */
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "units"))
@WithTestResource(value = FakeKeycloak.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTasksService.class, scope = TestResourceScope.GLOBAL)
public final class DatabaseResource {

    private DatabaseResource() {
    }
}
