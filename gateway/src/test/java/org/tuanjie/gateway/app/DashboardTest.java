package org.tuanjie.gateway.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The dashboard as the gateway serves it: its page, the chart library from the jar (no CDN), the login the field app
 * uses coming back to the dashboard, and a policy that lets it run only the gateway's scripts.
 */
@QuarkusTest
class DashboardTest {

    @Test
    void servesThePageAndItsChartLibraryFromTheGateway() {
        given().redirects().follow(false).get("/dashboard").then().statusCode(301).header("Location", endsWith("/dashboard/"));
        given().get("/dashboard/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script src=\"/webjars/echarts/5.3.1/dist/echarts.min.js\"></script>"))
                .body(containsString("<meta name=\"tuanjie-home\" content=\"/dashboard/\">"));
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200)
                .contentType(containsString("javascript")).body(containsString("echarts"));
        // the dashboard's own module reuses the field app's login and API calls
        given().get("/dashboard/dashboard.js").then().statusCode(200)
                .body(containsString("from '../app/js/auth.js'")).body(containsString("from '../app/js/api.js'"));
    }

    @Test
    void runsOnlyTheGatewaysScriptsAndTalksOnlyToTheGatewayAndItsLogin() {
        String issuer = ConfigProvider.getConfig().getValue("gateway.login.issuer", String.class);
        for (String path : new String[] {"/dashboard/", "/dashboard/dashboard.js"}) {
            String policy = given().get(path).then().statusCode(200).extract().header("Content-Security-Policy");
            assertNotNull(policy, path);
            assertTrue(policy.contains("script-src 'self';") && policy.contains("connect-src 'self' " + issuer + "/;")
                    && policy.contains("frame-ancestors 'none'"), path + ": " + policy);
        }
    }
}
