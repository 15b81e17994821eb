package org.tuanjie.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpenApiContractTest {

    private static final String BASE = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /tasks/{id}:
                get:
                  parameters:
                  - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
                  responses:
                    '200':
                      description: the task
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Task'}
            components:
              schemas:
                Task:
                  type: object
                  required: [id, title]
                  properties:
                    id: {type: string, format: uuid}
                    title: {type: string}
            """;

    @Test
    void addingAnOperationOrAnOptionalFieldIsCompatible() {
        String next = BASE.replace("    title: {type: string}\n", "    title: {type: string}\n        note: {type: string}\n")
                .replace("paths:\n", """
                        paths:
                          /tasks:
                            get:
                              responses:
                                '200': {description: the tasks}
                        """);
        assertNull(OpenApiContract.breakingChanges(BASE, next));
    }

    @Test
    void removingAnOperationBreaksClients() {
        String next = BASE.replace("  /tasks/{id}:", "  /tasks/{id}/timeline:");
        String breaking = OpenApiContract.breakingChanges(BASE, next);
        assertNotNull(breaking);
        assertTrue(breaking.contains("/tasks/{id}"), breaking);
    }

    @Test
    void aNewRequiredQueryParameterBreaksClients() {
        String next = BASE.replace("      - {name: id, in: path, required: true, schema: {type: string, format: uuid}}",
                "      - {name: id, in: path, required: true, schema: {type: string, format: uuid}}\n"
                        + "      - {name: lang, in: query, required: true, schema: {type: string}}");
        assertNotNull(OpenApiContract.breakingChanges(BASE, next));
    }
}
