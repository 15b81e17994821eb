package org.tuanjie.tasks;

import io.quarkus.test.junit.QuarkusTest;
import org.tuanjie.testing.FakeCounty;
import org.tuanjie.testing.ServiceContractTests;

@QuarkusTest
class OperationsTest extends ServiceContractTests {

    /** Random bodies from a county office the units contract knows, so they reach the scope checks and beyond. */
    @Override
    protected String unitCodeForRandomBodies() {
        return new FakeCounty("513229").county;
    }
}
