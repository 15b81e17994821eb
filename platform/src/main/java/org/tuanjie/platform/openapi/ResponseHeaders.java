package org.tuanjie.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The response headers a client reads, declared where they are sent, once each under
 * {@code components/headers}:
 * <ul>
 * <li>every answer: {@code X-Request-Id}; {@code Access-Control-Allow-Origin} when the gateway allows the
 * request's origin;</li>
 * <li>every 2xx and 4xx: the gateway's {@code RateLimit} and {@code RateLimit-Policy} (the suite is reached
 * through the gateway, which limits each client);</li>
 * <li>429 and 503: {@code Retry-After}; 415: {@code Accept}, the media types the operation takes;</li>
 * <li>201: {@code Location}; 202: {@code Location} (the work's status) and {@code Retry-After}; a page of a list (an operation taking {@code cursor}): {@code Link};</li>
 * <li>a versioned resource (its schema has {@code version}) or a file's bytes, and any 304: {@code ETag}.</li>
 * </ul>
 * Tests check the other direction: a response carrying one of these headers where the contract does not
 * declare it fails the test that saw it.
 */
final class ResponseHeaders {

    static final String REQUEST_ID = "X-Request-Id";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String RATE_LIMIT = "RateLimit";
    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    static final String RETRY_AFTER = "Retry-After";
    static final String LOCATION = "Location";
    static final String LINK = "Link";
    static final String ETAG = "ETag";
    static final String ACCEPT = "Accept";

    private ResponseHeaders() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        definitions().forEach(components::addHeader);
        Map<String, Schema> schemas = components.getSchemas() == null ? Map.of() : components.getSchemas();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> declare(method, operation, schemas)));
    }

    private static void declare(PathItem.HttpMethod method, Operation operation, Map<String, Schema> schemas) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        boolean paged = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY && "cursor".equals(p.getName()));
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            refer(response, REQUEST_ID);
            refer(response, ALLOW_ORIGIN);
            if (status.startsWith("2") || status.startsWith("4")) {
                refer(response, RATE_LIMIT);
                refer(response, RATE_LIMIT_POLICY);
            }
            if (status.equals("429") || status.equals("503")) {
                refer(response, RETRY_AFTER);
            }
            if (status.equals("415")) {
                refer(response, ACCEPT);
            }
            if (status.equals("201")) {
                refer(response, LOCATION);
            }
            if (status.equals("202")) {
                // work accepted to be done in the background: where its status is, and when to look again
                refer(response, LOCATION);
                refer(response, RETRY_AFTER);
            }
            if (status.startsWith("2") && paged && method == PathItem.HttpMethod.GET) {
                refer(response, LINK);
            }
            if (status.equals("304") || status.startsWith("2") && (versioned(response, schemas) || bytes(response))) {
                refer(response, ETAG);
            }
        });
    }

    private static void refer(APIResponse response, String name) {
        if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return; // the method said more about it
        }
        response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
    }

    private static boolean versioned(APIResponse response, Map<String, Schema> schemas) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return false;
        }
        for (MediaType type : response.getContent().getMediaTypes().values()) {
            Schema schema = type.getSchema();
            if (schema != null && schema.getRef() != null) {
                Schema target = schemas.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
                if (target != null && target.getProperties() != null && target.getProperties().containsKey("version")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean bytes(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaTypes() != null
                && response.getContent().getMediaTypes().entrySet().stream().anyMatch(type -> type.getKey().startsWith("image/")
                        || type.getKey().equals("application/octet-stream") || type.getKey().equals("*/*")
                        || type.getKey().equals("application/zip"));
    }

    private static Map<String, Header> definitions() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(REQUEST_ID, header("The request's id: yours when you sent a sane `X-Request-Id`, else a new UUID. "
                + "Quote it when reporting a fault; every log line of the request carries it.",
                string(128).pattern("^[A-Za-z0-9._:-]{1,128}$"), "3f1c6d0e-6a0b-4f59-9f4a-6c1f0f3c2b11"));
        headers.put(ALLOW_ORIGIN, header("Set by the gateway when the request's `Origin` is one the deployment allows "
                + "(`GATEWAY_CORS_ORIGINS`); absent otherwise, so a browser page of another origin cannot read the answer.",
                string(2048).format("uri"), "https://oa.county.gov.cn"));
        headers.put(RATE_LIMIT, header("Set by the gateway (the suite's entry point), which limits each caller (a person "
                + "on a client app, or an address) with a token bucket, `client`, and each client app, all its callers "
                + "together, with a larger one, `app`: `r` requests remain now, `t` seconds until the bucket is full again "
                + "(IETF draft-ietf-httpapi-ratelimit-headers).", string(256), "\"client\";r=99;t=1, \"app\";r=990;t=1"));
        headers.put(RATE_LIMIT_POLICY, header("Set by the gateway: each bucket's quota `q` requests at once, refilled "
                + "over `w` seconds.", string(256), "\"client\";q=100;w=2, \"app\";q=1000;w=2"));
        headers.put(RETRY_AFTER, header("Seconds to wait before trying again.",
                OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                        .minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(86_400)), 2));
        headers.put(ACCEPT, header("The media types this operation takes in its body, comma-separated (RFC 9110 §15.5.16).",
                string(512), "text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        headers.put(LOCATION, header("Where the created resource is read.", string(2048).format("uri-reference"),
                "/tasks/0b7e3c52-8d5e-4c55-9a7e-2f3a0c1d9e44"));
        headers.put(LINK, header("The next page, as `<url>; rel=\"next\"` (RFC 8288); absent on the last page.",
                string(4096), "</tasks?cursor=eyJrIjoiMjAyNi0xMi0wMyJ9&limit=50>; rel=\"next\""));
        headers.put(ETAG, header("The version you read (a resource's `version`, or a file's SHA-256): send it back in "
                + "`If-Match` to change the resource, or `If-None-Match` / `If-Range` for a file.", string(80), "\"3\""));
        return headers;
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(maxLength);
    }

    private static Header header(String description, Schema schema, Object example) {
        return OASFactory.createHeader().description(description).schema(schema).example(example);
    }
}
