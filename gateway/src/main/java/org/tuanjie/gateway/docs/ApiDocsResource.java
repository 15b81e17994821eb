package org.tuanjie.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.gateway.config.GatewayConfig;
import org.tuanjie.gateway.proxy.Downstream;
import org.tuanjie.gateway.proxy.Routes;
import org.tuanjie.platform.problem.Problem;
import org.tuanjie.platform.problem.Problems;

/**
 * The three services' contracts as the gateway serves them: paths under {@code /api/v1}, server = this
 * gateway, and an OAuth2 authorization-code login at the identity server, so Swagger UI's
 * "Authorize" and "Try it out" work from the browser. {@code openapi.json} merges all three.
 */
@Path("/api/docs")
@Tag(name = "Contracts", description = "The services' OpenAPI documents, as reachable through the gateway")
public class ApiDocsResource {

    static final List<String> SERVICES = List.of("units", "tasks", "agreements");
    private static final String SCHEME = "keycloak";
    /** What the gateway itself may answer for any operation it forwards. */
    private static final Map<String, String> GATEWAY_ANSWERS = Map.of(
            "502", "网关无法连通后端服务，未作任何更改，请稍后重试（type `/problems/downstream-unavailable`）\n\n"
                    + "The gateway could not reach the service; nothing was changed, retry later (type `/problems/downstream-unavailable`)",
            "504", "后端服务未在时限内应答；写操作可能已生效，请带同一 Idempotency-Key 重试（type `/problems/downstream-timeout`）\n\n"
                    + "The service did not answer in time; a write may have been done, so retry it with the same Idempotency-Key "
                    + "(type `/problems/downstream-timeout`)");

    private static final String NOT_MODIFIED = "未修改：If-None-Match 所列的 ETag 仍是当前应答，不再发送内容\n\n"
            + "Not modified: the ETag your If-None-Match names is still the answer, so no body is sent";
    private static final String IF_NONE_MATCH = "您已持有的应答的 ETag：仍为当前时返回 304，不含内容\n\n"
            + "The ETag of the answer you hold: 304 without a body while it is still current";

    @Inject
    Downstream downstream;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    @GET
    @Path("{name}.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A service's contract (units, tasks, agreements) or all three merged (openapi)")
    public Uni<JsonNode> getContract(@PathParam("name") String name) {
        if (SERVICES.contains(name)) {
            return fetch(name).map(this::asServedHere);
        }
        if (!"openapi".equals(name)) {
            throw new DocumentNotFound(name);
        }
        List<Uni<JsonNode>> all = new ArrayList<>();
        SERVICES.forEach(s -> all.add(fetch(s).map(this::asServedHere)));
        return Uni.join().all(all).andFailFast().map(this::merge);
    }

    /** A service's contract as it serves it; fails with {@link DocumentUnavailable}. */
    Uni<JsonNode> fetch(String service) {
        return downstream.get(service, "/q/openapi?format=json", null, null, config.timeout()).map(reply -> {
            if (!reply.ok()) {
                throw new DocumentUnavailable(service);
            }
            try {
                return json.readTree(reply.body().getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).onFailure(e -> !(e instanceof DocumentUnavailable)).transform(e -> new DocumentUnavailable(service));
    }

    /** Paths prefixed with /api/v1, the gateway's own 502 and 504, per-operation bearer roles turned into words, one OAuth2 login. */
    private JsonNode asServedHere(JsonNode document) {
        ObjectNode doc = (ObjectNode) document.deepCopy();
        ObjectNode paths = json.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> path = it.next();
            ObjectNode operations = (ObjectNode) path.getValue();
            operations.fields().forEachRemaining(op -> {
                if (op.getValue() instanceof ObjectNode operation && operation.has("security")) {
                    List<String> roles = new ArrayList<>();
                    operation.get("security").forEach(req -> req.fields().forEachRemaining(
                            scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
                    operation.remove("security");
                    String description = operation.path("description").asText("");
                    operation.put("description", (description.isEmpty() ? "" : description + "\n\n")
                            + "Roles: " + String.join(", ", roles));
                }
                if ("get".equals(op.getKey()) && op.getValue() instanceof ObjectNode operation) {
                    revalidated(operation);
                }
                if (op.getValue() instanceof ObjectNode operation && operation.get("responses") instanceof ObjectNode responses) {
                    GATEWAY_ANSWERS.forEach((status, words) -> {
                        if (!responses.has(status)) {
                            ObjectNode answer = responses.putObject(status).put("description", words);
                            answer.putObject("headers").putObject("X-Request-Id").put("$ref", "#/components/headers/X-Request-Id");
                            answer.putObject("content").putObject(Problem.MEDIA_TYPE).putObject("schema")
                                    .put("$ref", "#/components/schemas/Problem");
                        }
                    });
                }
            });
            paths.set(Routes.API + Routes.VERSION + path.getKey(), operations);
        }
        doc.set("paths", paths);
        ArrayNode servers = doc.putArray("servers");
        servers.addObject().put("url", "/").put("description", "this gateway");
        ObjectNode components = doc.has("components") ? (ObjectNode) doc.get("components") : doc.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        ObjectNode oauth = schemes.putObject(SCHEME);
        oauth.put("type", "oauth2");
        oauth.put("description", "Log in at the identity server (realm unity), authorization code with PKCE, client swagger-ui");
        ObjectNode code = oauth.putObject("flows").putObject("authorizationCode");
        code.put("authorizationUrl", config.login().issuer() + "/protocol/openid-connect/auth");
        code.put("tokenUrl", config.login().issuer() + "/protocol/openid-connect/token");
        code.putObject("scopes").put("openid", "OpenID Connect");
        doc.putArray("security").addObject().putArray(SCHEME);
        return doc;
    }

    /**
     * A JSON read through the gateway carries an {@code ETag} (the service's, or the gateway's weak tag of the body)
     * and answers {@code If-None-Match} naming it with 304 (see the proxy's Revalidation).
     */
    private void revalidated(ObjectNode operation) {
        JsonNode ok = operation.path("responses").path("200");
        if (!(ok instanceof ObjectNode answer) || !answer.path("content").has("application/json")) {
            return;
        }
        ObjectNode headers = answer.has("headers") ? (ObjectNode) answer.get("headers") : answer.putObject("headers");
        if (!headers.has("ETag")) {
            headers.putObject("ETag").put("$ref", "#/components/headers/ETag");
        }
        ObjectNode responses = (ObjectNode) operation.get("responses");
        if (!responses.has("304")) {
            ObjectNode notModified = responses.putObject("304").put("description", NOT_MODIFIED);
            notModified.putObject("headers").putObject("ETag").put("$ref", "#/components/headers/ETag");
        }
        ArrayNode parameters = operation.has("parameters") ? (ArrayNode) operation.get("parameters") : operation.putArray("parameters");
        boolean asked = false;
        for (JsonNode parameter : parameters) {
            asked |= "If-None-Match".equalsIgnoreCase(parameter.path("name").asText());
        }
        if (!asked) {
            ObjectNode ifNoneMatch = parameters.addObject().put("name", "If-None-Match").put("in", "header")
                    .put("description", IF_NONE_MATCH);
            ifNoneMatch.putObject("schema").put("type", "string").put("maxLength", 200);
        }
    }

    private JsonNode merge(List<JsonNode> documents) {
        ObjectNode merged = (ObjectNode) documents.get(0).deepCopy();
        ObjectNode info = merged.putObject("info");
        info.put("title", "Tuanjie API");
        info.put("description", "units-service, tasks-service and agreements-service through the gateway");
        info.put("version", documents.get(0).path("info").path("version").asText("0"));
        Map<String, ObjectNode> byService = new LinkedHashMap<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            byService.put(SERVICES.get(i), (ObjectNode) documents.get(i));
        }
        return ContractMerge.merge(byService, merged);
    }

    public static final class DocumentNotFound extends Problems.NotFound {
        public DocumentNotFound(String name) {
            super("not-found", "problem.not-found.detail", name);
        }
    }

    public static final class DocumentUnavailable extends Problems.Unavailable {
        public DocumentUnavailable(String service) {
            super("downstream-unavailable", "problem.downstream-unavailable.detail", service);
        }
    }

}
