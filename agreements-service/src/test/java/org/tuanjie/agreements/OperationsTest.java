package org.tuanjie.agreements;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.OpenApiContract;

@QuarkusTest
class OperationsTest {

    @Test
    void theServedContractIsTheCommittedOne() {
        OpenApiContract.assertServedEqualsCommitted();
    }

    @Test
    void healthIsUpWithTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
