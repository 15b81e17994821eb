package org.tuanjie.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import java.nio.file.Files;

/**
 * Every response a module's rest-assured tests receive is checked against the module's committed
 * OpenAPI: an undocumented status, a missing required field, a wrong type or media type, an undeclared
 * {@code ETag}, {@code Location}, {@code Link} or {@code Retry-After} ({@link DeclaredHeaders}) fails the test
 * that saw it. Requests are not checked: tests send bad requests on purpose.
 *
 * <p>Registered for every {@code @QuarkusTest} through the Quarkus test callback service file;
 * modules without a committed contract are left alone.
 */
public class ResponseContract implements QuarkusTestBeforeEachCallback {

    private static OpenApiValidationFilter filter;
    private static DeclaredHeaders headers;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!Files.exists(OpenApiContract.COMMITTED)) {
            return;
        }
        synchronized (ResponseContract.class) {
            if (filter == null) {
                filter = new OpenApiValidationFilter(validator());
                headers = new DeclaredHeaders(OpenApiContract.COMMITTED);
            }
            if (!RestAssured.filters().contains(filter)) {
                RestAssured.filters(filter, headers);
            }
        }
    }

    static OpenApiInteractionValidator validator() {
        return OpenApiInteractionValidator.createForSpecificationUrl(OpenApiContract.COMMITTED.toUri().toString())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        // the validator reads an OpenAPI 3.1 header's string type as absent and parses the value as
                        // JSON (an X-Request-Id is not); which headers are sent where is checked by DeclaredHeaders
                        .withLevel("validation.response.header.schema.invalidJson", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }
}
