package org.tuanjie.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module runs against the same three fake backends. */
@WithTestResource(value = FakeBackends.class, scope = TestResourceScope.GLOBAL)
public final class TestServers {

    private TestServers() {
    }
}
