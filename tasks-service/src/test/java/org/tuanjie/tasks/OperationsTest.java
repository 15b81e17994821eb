package org.tuanjie.tasks;

import io.quarkus.test.junit.QuarkusTest;
import org.tuanjie.testing.ServiceContractTests;

@QuarkusTest
class OperationsTest extends ServiceContractTests {
}
