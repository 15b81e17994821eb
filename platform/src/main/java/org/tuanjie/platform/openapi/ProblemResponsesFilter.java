package org.tuanjie.platform.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.tuanjie.platform.access.AccessPolicy;
import org.tuanjie.platform.access.Rule;
import org.tuanjie.platform.problem.Problem;

/**
 * Documents the problem responses every operation shares, derived from what the operation is:
 * secured → 401/403; an id in the path or the query, or a body (which names other resources) → 404;
 * parameters or a body → 400; a body → 411/413/415; If-Match → 412/428;
 * Idempotency-Key → 409/422; any → 429 (the gateway's limit) and 503. Operation-specific ones (a 409 for a state conflict) are declared
 * on the resource method and kept.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "Invalid input: field errors in `errors` (type `/problems/validation`, `/problems/unreadable-body` or `/problems/bad-request`)"),
            Map.entry("401", "Missing, expired or invalid bearer token (type `/problems/unauthorized`)"),
            Map.entry("403", "Your role does not allow this (type `/problems/forbidden`, or `/problems/not-permitted` when you may not act for that party)"),
            Map.entry("404", "Not found, or outside your jurisdiction (the two look the same; type `/problems/not-found` or a more precise one such as `/problems/unit-not-found`)"),
            Map.entry("409", "Conflict with the resource's state, or an Idempotency-Key still in progress (type `/problems/idempotency-in-progress`, `/problems/duplicate`, or one the operation names)"),
            Map.entry("412", "If-Match names a version that is no longer current (type `/problems/precondition-failed`): read it again, then retry with the new ETag"),
            Map.entry("411", "A body sent in chunks, without Content-Length (type `/problems/length-required`)"),
            Map.entry("413", "The request body exceeds the allowed size (type `/problems/payload-too-large`)"),
            Map.entry("415", "Unsupported Content-Type (type `/problems/unsupported-media-type`)"),
            Map.entry("422", "Idempotency-Key reused with a different request (type `/problems/idempotency-key-reused`)"),
            Map.entry("428", "If-Match header missing (type `/problems/precondition-required`)"),
            Map.entry("429", "Too many requests from your client: wait `Retry-After` seconds (the gateway's limit per client; type `/problems/rate-limited`)"),
            Map.entry("503", "Temporarily unavailable (the database or a service this one asks); nothing was changed, retry later (type `/problems/database-unavailable`, `/problems/units-unavailable` or `/problems/unavailable`)"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        AccessPolicy policy = AccessPolicy.load();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            policy.rule(method.name(), path).ifPresent(rule -> documentAccess(rule, operation));
            document(path, method, operation);
        }));
    }

    /** The roles and the conditions of the operation's access rule: the contract shows the policy it runs. */
    private static void documentAccess(Rule rule, Operation operation) {
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bearer", rule.contractRoles())));
        String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
        operation.setDescription(description + rule.describe());
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean head = method == PathItem.HttpMethod.HEAD;
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (head && responses.getAPIResponses() != null) {
            responses.getAPIResponses().values().forEach(answer -> answer.setContent(null)); // headers only
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        add(responses, "503", head);
        add(responses, "429", head);
        if (secured) {
            add(responses, "401", head);
            add(responses, "403", head);
        }
        boolean referencesById = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY && isUuid(p.getSchema()));
        if (path.contains("{") || referencesById || operation.getRequestBody() != null) {
            add(responses, "404", head);
        }
        if (operation.getRequestBody() != null || parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
            add(responses, "400", head);
        }
        if (operation.getRequestBody() != null) {
            add(responses, "411", head);
            add(responses, "413", head);
            add(responses, "415", head);
        }
        if (parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
            add(responses, "412", head);
            add(responses, "428", head);
        }
        if (parameters.stream().anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()))) {
            add(responses, "409", head);
            add(responses, "422", head);
        }
    }

    private static boolean isUuid(Schema schema) {
        return schema != null && ("uuid".equals(schema.getFormat())
                || schema.getRef() != null && schema.getRef().endsWith("/UUID"));
    }

    /** @param head a HEAD answer has no body: the problem is only named by its status */
    private static void add(APIResponses responses, String status, boolean head) {
        APIResponse declared = responses.getAPIResponse(status);
        if (declared != null && declared.getContent() != null) {
            return; // declared on the method, with its own words
        }
        if (head) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(DESCRIPTIONS.get(status)));
            return;
        }
        Schema problem = OASFactory.createSchema().ref("Problem");
        MediaType mediaType = OASFactory.createMediaType().schema(problem);
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType);
        APIResponse response = OASFactory.createAPIResponse().description(DESCRIPTIONS.get(status)).content(content);
        responses.addAPIResponse(status, response);
    }
}
