package org.tuanjie.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;

/**
 * The committed contract must equal the served one: a contract change is always a visible diff.
 * Run the module's tests with {@code -Dopenapi.update=true} to rewrite the committed file.
 *
 * <p>A change that would break existing clients (openapi-diff: a removed operation, a new required
 * parameter, a narrowed response...) is refused even then, unless it is also accepted explicitly
 * with {@code -Dopenapi.breaking=accept}: other county platforms and the phone app call these APIs.
 */
public final class OpenApiContract {

    public static final Path COMMITTED = Path.of("src/main/openapi/openapi.yaml");

    private OpenApiContract() {
    }

    public static void assertServedEqualsCommitted() {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        try {
            String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
            if (committed.equals(served)) {
                return;
            }
            String breaking = committed.isEmpty() ? null : breakingChanges(committed, served);
            Path actual = Path.of("target/openapi-served.yaml");
            Files.writeString(actual, served, StandardCharsets.UTF_8);
            if (breaking != null && !"accept".equals(System.getProperty("openapi.breaking"))) {
                fail("The served OpenAPI breaks clients of " + COMMITTED + " (served copy: " + actual + "):\n"
                        + breaking + "\nKeep the old contract working, or accept the break with "
                        + "-Dopenapi.update=true -Dopenapi.breaking=accept and say so in the release notes.");
            }
            if (Boolean.getBoolean("openapi.update")) {
                Files.createDirectories(COMMITTED.getParent());
                Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
                return;
            }
            fail("The served OpenAPI differs from " + COMMITTED + " (served copy: " + actual
                    + "). Review the change, then run the tests with -Dopenapi.update=true to commit it.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What in {@code next} breaks clients written against {@code previous}, or null if nothing does. */
    public static String breakingChanges(String previous, String next) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(previous, next);
        if (!diff.isIncompatible()) {
            return null;
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(text, StandardCharsets.UTF_8)) {
            new ConsoleRender().render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString(StandardCharsets.UTF_8);
    }
}
