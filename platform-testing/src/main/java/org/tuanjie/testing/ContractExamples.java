package org.tuanjie.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request bodies a service's contract shows as examples ({@code META-INF/openapi/examples/<operationId>.json}),
 * as Swagger UI's "Try it out" sends them: a test sends each to a resource it fits and expects it accepted, with
 * only the ids (and addresses) of the demo county replaced by those of the test's own.
 */
public final class ContractExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractExamples() {
    }

    /** The example request body of an operation, as a map a test may change before sending. */
    public static Map<String, Object> body(String operationId) {
        String resource = "META-INF/openapi/examples/" + operationId + ".json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no example body for " + operationId);
            }
            return JSON.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
