package org.tuanjie.agreements;

import io.quarkus.test.junit.QuarkusTest;
import org.tuanjie.testing.ServiceContractTests;

@QuarkusTest
class OperationsTest extends ServiceContractTests {
}
