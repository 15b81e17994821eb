package org.tuanjie.platform.openapi;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** Every schema of a contract, wherever it sits, each once and after the schemas inside it. */
final class Walk {

    private Walk() {
    }

    static void schemas(OpenAPI openAPI, Consumer<Schema> visit) {
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Consumer<Schema> walk = new Consumer<>() {
            @Override
            public void accept(Schema schema) {
                if (schema == null || !seen.add(schema)) {
                    return;
                }
                if (schema.getProperties() != null) {
                    schema.getProperties().values().forEach(this);
                }
                accept(schema.getItems());
                accept(schema.getAdditionalPropertiesSchema());
                for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                    if (group != null) {
                        group.forEach(this);
                    }
                }
                visit.accept(schema);
            }
        };
        if (openAPI.getComponents() != null) {
            if (openAPI.getComponents().getSchemas() != null) {
                openAPI.getComponents().getSchemas().values().forEach(walk);
            }
            if (openAPI.getComponents().getHeaders() != null) {
                openAPI.getComponents().getHeaders().values().forEach(h -> walk.accept(h.getSchema()));
            }
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getParameters() != null) {
                item.getParameters().forEach(p -> walk.accept(p.getSchema()));
            }
            item.getOperations().values().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> walk.accept(p.getSchema()));
                }
                if (operation.getRequestBody() != null) {
                    content(operation.getRequestBody().getContent(), walk);
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(response -> {
                        content(response.getContent(), walk);
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(h -> walk.accept(h.getSchema()));
                        }
                    });
                }
            });
        });
    }

    private static void content(Content content, Consumer<Schema> walk) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(type -> walk.accept(type.getSchema()));
        }
    }
}
