package org.tuanjie.tasks;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.tuanjie.testing.EmbeddedPostgresResource;
import org.tuanjie.testing.FakeUnitsService;

/**
 * What every test of this module runs against: an embedded PostgreSQL with database {@code tasks},
 * units-service's contract served by {@link FakeUnitsService}, and agreements-service's part of evidence bundles
 * by {@link FakeAgreementsService}.
 */
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "tasks"))
@WithTestResource(value = FakeUnitsService.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeAgreementsService.class, scope = TestResourceScope.GLOBAL)
public final class TestServers {

    private TestServers() {
    }
}
