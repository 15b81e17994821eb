package org.tuanjie.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed contract must equal the served one: a contract change is always a visible diff.
 * Run the module's tests with {@code -Dopenapi.update=true} to rewrite the committed file.
 */
public final class OpenApiContract {

    public static final Path COMMITTED = Path.of("src/main/openapi/openapi.yaml");

    private OpenApiContract() {
    }

    public static void assertServedEqualsCommitted() {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        try {
            if (Boolean.getBoolean("openapi.update")) {
                Files.createDirectories(COMMITTED.getParent());
                Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
                return;
            }
            String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
            if (!committed.equals(served)) {
                Path actual = Path.of("target/openapi-served.yaml");
                Files.writeString(actual, served, StandardCharsets.UTF_8);
                fail("The served OpenAPI differs from " + COMMITTED + " (served copy: " + actual
                        + "). Review the change, then run the tests with -Dopenapi.update=true to commit it.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
