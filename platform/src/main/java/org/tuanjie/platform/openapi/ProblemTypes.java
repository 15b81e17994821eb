package org.tuanjie.platform.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.tuanjie.platform.problem.Messages;
import org.tuanjie.platform.problem.Problem;

/**
 * The problem types the service answers with, listed in the contract: the {@code Problem} schema carries them as
 * {@code x-problem-types} (type → title and meaning, in Chinese and English), read from the same bundles the
 * answers are worded from. The gateway serves each as a page at its {@code type} URI.
 */
final class ProblemTypes {

    static final String EXTENSION = "x-problem-types";

    private ProblemTypes() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema problem = openAPI.getComponents().getSchemas().get("Problem");
        if (problem == null) {
            return;
        }
        java.util.Map<String, Object> types = new java.util.LinkedHashMap<>();
        Messages.problemTypes().forEach((type, words) -> types.put(Problem.TYPE_BASE + type, words));
        problem.addExtension(EXTENSION, types);
    }
}
