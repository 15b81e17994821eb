package org.tuanjie.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.tuanjie.platform.web.RequestIds;

/**
 * Builds problem responses in the caller's language.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.locale(headers);
        List<FieldError> errors = e.violations().stream()
                .map(v -> new FieldError(v.field(), Messages.get(locale, v.messageKey(), v.args()), v.line()))
                .toList();
        Response problem = build(e.status(), e.type(), Messages.get(locale, e.messageKey(), e.args()), errors, headers, uri);
        if (e.headers().isEmpty()) {
            return problem;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(problem);
        e.headers().forEach(withHeaders::header);
        return withHeaders.build();
    }

    public static Response of(int status, String type, String detailKey, HttpHeaders headers, UriInfo uri,
            Object... args) {
        return build(status, type, Messages.get(Messages.locale(headers), detailKey, args), List.of(), headers, uri);
    }

    public static Response build(int status, String type, String detail, List<FieldError> errors,
            HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.locale(headers);
        String title = Messages.get(locale, "problem." + type + ".title");
        Problem problem = new Problem(Problem.TYPE_BASE + type, title, status, detail,
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), RequestIds.current(), errors);
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }
}
