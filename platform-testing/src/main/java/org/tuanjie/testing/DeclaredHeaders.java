package org.tuanjie.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The response headers a client acts on are declared where they are sent: a response carrying {@code ETag},
 * {@code Location}, {@code Link} or {@code Retry-After} on an operation and status whose contract entry does
 * not declare it fails the test that saw it. (The contract's declarations are derived by rule; this is the
 * check that the rule matches what the service does.)
 */
final class DeclaredHeaders implements Filter {

    static final Set<String> WATCHED = Set.of("ETag", "Location", "Link", "Retry-After");

    private final List<Route> routes = new ArrayList<>();

    DeclaredHeaders(Path contract) {
        JsonNode document;
        try (var in = java.nio.file.Files.newInputStream(contract)) {
            document = new ObjectMapper().valueToTree(new org.yaml.snakeyaml.Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().has("responses")) {
                routes.add(new Route(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), template(path.getKey()),
                        op.getValue().path("responses")));
            }
        }));
        // a literal segment beats a parameter: /units/by-code/{code} before /units/{id}/{x}
        routes.sort(Comparator.comparingLong((Route r) -> r.path.chars().filter(c -> c == '{').count()));
    }

    private static Pattern template(String path) {
        return Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"));
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        Optional<Route> route = routes.stream()
                .filter(r -> r.method.equals(request.getMethod()) && r.pattern.matcher(path).matches()).findFirst();
        if (route.isEmpty()) {
            return response;
        }
        JsonNode declared = route.get().responses.path(Integer.toString(response.getStatusCode()));
        if (declared.isMissingNode()) {
            declared = route.get().responses.path("default");
        }
        List<String> undeclared = new ArrayList<>();
        for (String header : WATCHED) {
            if (response.getHeader(header) != null && !declares(declared.path("headers"), header)) {
                undeclared.add(header);
            }
        }
        if (!undeclared.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + route.get().path + " answered " + response.getStatusCode()
                    + " with " + undeclared + ", which its contract does not declare for that status");
        }
        return response;
    }

    private static boolean declares(JsonNode headers, String name) {
        var names = headers.fieldNames();
        while (names.hasNext()) {
            if (names.next().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private record Route(String method, String path, Pattern pattern, JsonNode responses) {
    }
}
