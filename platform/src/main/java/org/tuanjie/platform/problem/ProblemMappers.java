package org.tuanjie.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * One mapper per family of failure, each answering {@code application/problem+json}. Nothing of a
 * class name, stack trace or SQL reaches the client; unexpected failures are logged with the
 * request id and answered with a plain 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** NUL bytes and other text PostgreSQL cannot store: bad input, not a server fault. */
    private static final java.util.Set<String> BAD_TEXT = java.util.Set.of("22021", "22P05", "54000");

    @ServerExceptionMapper
    public Response ownProblem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return ProblemResponses.of(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        Locale locale = Messages.locale(headers);
        return ProblemResponses.build(400, "validation",
                Messages.get(locale, "problem.validation.detail", errors.size()), errors, headers, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return unreadableJson(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.locale(headers);
        List<FieldError> errors = new ArrayList<>();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            errors.add(new FieldError(field, fieldMessage(e, locale)));
        }
        return ProblemResponses.build(400, "unreadable-body", Messages.get(locale, "problem.unreadable-body.detail"),
                errors, headers, uri);
    }

    /** What a field that could not be read should have held: a day's and a moment's form, an enum's values. */
    private static String fieldMessage(JsonProcessingException e, Locale locale) {
        Class<?> target = e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException format ? format.getTargetType() : null;
        if (target == java.time.LocalDate.class) {
            return Messages.get(locale, "problem.json.date");
        }
        if (target == java.time.OffsetDateTime.class || target == java.time.Instant.class) {
            return Messages.get(locale, "problem.json.datetime");
        }
        if (target != null && target.isEnum()) {
            return Messages.get(locale, "problem.json.enum", java.util.Arrays.stream(target.getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return Messages.get(locale, "problem.json.field");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri, jakarta.ws.rs.core.Request request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                // e.g. a query parameter converter's 400, wrapped by JAX-RS as a 404
                return ProblemResponses.of(problem, headers, uri);
            }
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, headers, uri);
            }
        }
        if (status == 400 && e.getClass().getName().contains("Json")) {
            return ProblemResponses.of(400, "unreadable-body", "problem.unreadable-body.detail", headers, uri);
        }
        if (status == 415) {
            return unsupportedType(headers, uri, request);
        }
        String type = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        Response problem = ProblemResponses.of(status, type, "problem." + type + ".detail", headers, uri);
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(problem).header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW)).build();
        }
        return problem;
    }

    /** A 415 that names what the operation takes, in words and in {@code Accept} (RFC 9110 §15.5.16). */
    private static Response unsupportedType(HttpHeaders headers, UriInfo uri, jakarta.ws.rs.core.Request request) {
        List<String> accepted = request == null ? List.of()
                : org.tuanjie.platform.web.AcceptedTypes.of(request.getMethod(), uri.getPath());
        if (accepted.isEmpty()) {
            return ProblemResponses.of(415, "unsupported-media-type", "problem.unsupported-media-type.detail", headers, uri);
        }
        String listed = String.join(", ", accepted);
        return Response.fromResponse(ProblemResponses.of(415, "unsupported-media-type",
                "problem.unsupported-media-type.accepted", headers, uri, listed)).header("Accept", listed).build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        return ProblemResponses.of(401, "unauthorized", "problem.unauthorized.detail", headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return ProblemResponses.of(403, "forbidden", "problem.forbidden.detail", headers, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        // persistence failures surface wrapped (commit time, interceptors): look for the known ones first
        for (Throwable cause : causesOf(e)) {
            if (cause instanceof ProblemException problem) {
                return ProblemResponses.of(problem, headers, uri);
            }
            if (isLostUpdate(cause)) {
                return ProblemResponses.of(412, "precondition-failed", "problem.concurrent-update.detail", headers, uri);
            }
            if (cause instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return ProblemResponses.of(409, "duplicate", "problem.duplicate.detail", headers, uri);
            }
            // Set.of(..).contains(null) throws: the pool's own failures (acquisition timeout) carry no SQLSTATE
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && BAD_TEXT.contains(sql.getSQLState())) {
                return ProblemResponses.of(400, "bad-request", "problem.bad-text.detail", headers, uri);
            }
            if (cause instanceof java.sql.SQLException sql && isDatabaseUnreachable(sql)) {
                LOG.warnf("Database unavailable: %s", sql.getMessage());
                return Response.fromResponse(ProblemResponses.of(503, "database-unavailable",
                        "problem.database-unavailable.detail", headers, uri)).header("Retry-After", "2").build();
            }
        }
        LOG.error("Unexpected failure", e);
        return ProblemResponses.of(500, "internal", "problem.internal.detail", headers, uri);
    }

    /**
     * The exception, its causes, and what was suppressed along the way (a failed commit reports the
     * database's answer as a suppressed XAException under Narayana's RollbackException), in that order.
     */
    static List<Throwable> causesOf(Throwable e) {
        List<Throwable> found = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>(List.of(e));
        while (!pending.isEmpty() && found.size() < 50) {
            Throwable next = pending.removeFirst();
            if (!seen.add(next)) {
                continue;
            }
            found.add(next);
            if (next.getCause() != null) {
                pending.addFirst(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
        }
        return found;
    }

    /**
     * The database cannot be reached or is going away: connection failures (SQLSTATE class 08),
     * shutdown in progress (57P01-57P03), or no pooled connection within the acquisition timeout.
     */
    static boolean isDatabaseUnreachable(java.sql.SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e instanceof java.sql.SQLTransientConnectionException || message.contains("acquisition timeout");
    }

    /** JPA's and Hibernate's lost-update exceptions, known by name: this module has no persistence dependency. */
    private static boolean isLostUpdate(Throwable e) {
        for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
            String name = type.getName();
            if (name.equals("jakarta.persistence.OptimisticLockException") || name.equals("org.hibernate.StaleStateException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code create.request.names.zh} → {@code names.zh}; {@code list.limit} → {@code limit}: the
     * name a client knows, without the Java method and parameter names.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        Iterator<Path.Node> it = violation.getPropertyPath().iterator();
        it.forEachRemaining(nodes::add);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && !last) {
                continue; // a request body: its properties follow
            }
            String position = node.getIndex() != null ? "[" + node.getIndex() + "]"
                    : node.getKey() != null ? "[" + node.getKey() + "]" : "";
            // an element of a list or map is named by its index or key alone: staffNames[0], not staffNames.<list element>[0]
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                names.add(position);
            } else if (node.isInIterable() && !names.isEmpty()) {
                // a property of a list's element carries the element's index: targets[0].required, not targets.required[0]
                names.set(names.size() - 1, names.get(names.size() - 1) + position);
                names.add(node.getName());
            } else {
                names.add(node.getName() + position);
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names).replace(".[", "[");
    }
}
