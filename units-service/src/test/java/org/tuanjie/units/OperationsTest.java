package org.tuanjie.units;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.ServiceContractTests;

@QuarkusTest
class OperationsTest extends ServiceContractTests {

    @Test
    void requestsAreCountedPerRoute() {
        given().get("/units").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{method=\"GET\""));
    }
}
