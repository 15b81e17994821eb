package org.tuanjie.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * What every service owes its clients and operators, checked the same way in each: the committed
 * contract is the served one, every operation refuses a missing token and the roles it does not list,
 * health reports the database, metrics are exposed. A service's {@code @QuarkusTest} extends this.
 */
public abstract class ServiceContractTests {

    /** A unit code no fixture uses: the role checks must not depend on data. */
    private static final String SOMEWHERE = "110000000000";

    @Test
    void theServedContractIsTheCommittedOne() {
        OpenApiContract.assertServedEqualsCommitted();
    }

    @Test
    void everyOperationHasItsOwnMethodName() {
        ContractForClients.assertOperationsNamedOnce(ContractForClients.served());
    }

    @Test
    void everySchemaIsNamedAsAClassAndEveryReferenceResolves() {
        ContractForClients.assertSchemasNamedAsClasses(ContractForClients.served());
    }

    @Test
    void headerAndPathParametersAreDescribedAndIfMatchIsRequired() {
        ContractForClients.assertParametersDescribed(ContractForClients.served());
    }

    @Test
    void everySummaryAndDescriptionIsInChineseAndEnglish() {
        ContractForClients.assertEveryTextInBothLanguages(ContractForClients.served());
    }

    @Test
    void everyOperationRefusesAMissingToken() {
        SecurityMatrix.missingTokenIsRefusedEverywhere();
    }

    @Test
    void everySecuredOperationStatesItsAccessRule() {
        SecurityMatrix.everySecuredOperationStatesItsRule();
    }

    @Test
    void everyOperationRefusesTheRolesItDoesNotList() {
        SecurityMatrix.otherRolesAreRefusedEverywhere(SOMEWHERE);
    }

    @Test
    void randomBodiesNeverCauseAServerError() {
        RandomBodies.neverAServerError(unitCodeForRandomBodies(), Integer.getInteger("random-bodies.count", 25));
    }

    /** The caller's unit for {@link #randomBodiesNeverCauseAServerError()}: one the service knows gets further in. */
    protected String unitCodeForRandomBodies() {
        return SOMEWHERE;
    }

    @Test
    void theBoundsTheContractStatesAreEnforced() {
        BoundsEnforced.check(unitCodeForRandomBodies());
    }

    @Test
    void healthReportsTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
