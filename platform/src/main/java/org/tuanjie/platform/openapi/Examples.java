package org.tuanjie.platform.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Realistic examples, from the demo county, kept as JSON files beside the code rather than as strings in
 * annotations: {@code META-INF/openapi/examples/{operationId}.json} is the operation's request body,
 * {@code {operationId}.response.json} its main (200 or 201) answer. Swagger UI's "Try it out" starts from
 * them; the contract tests check each against its schema.
 */
final class Examples {

    static final String FOLDER = "META-INF/openapi/examples/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Examples() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(Examples::apply));
    }

    private static void apply(Operation operation) {
        String id = operation.getOperationId();
        if (id == null) {
            return;
        }
        if (operation.getRequestBody() != null) {
            Object body = read(id + ".json");
            if (body != null) {
                json(operation.getRequestBody().getContent(), body);
            }
        }
        Object answer = read(id + ".response.json");
        if (answer != null && operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            for (String status : new String[] {"200", "201"}) {
                APIResponse response = operation.getResponses().getAPIResponse(status);
                if (response != null) {
                    json(response.getContent(), answer);
                }
            }
        }
    }

    private static void json(Content content, Object example) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            if (type.contains("json") && media.getExample() == null) {
                media.setExample(example);
            }
        });
    }

    private static Object read(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FOLDER + name)) {
            return in == null ? null : JSON.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the example " + name + " cannot be read", e);
        }
    }
}
