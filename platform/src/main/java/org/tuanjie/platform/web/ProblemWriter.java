package org.tuanjie.platform.web;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import org.tuanjie.platform.problem.Messages;
import org.tuanjie.platform.problem.Problem;

/**
 * problem+json answers written outside JAX-RS (Vert.x filters, the gateway's proxy),
 * in the same contract and language rules as the services'.
 */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(RoutingContext ctx, int status, String type, Object... args) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        Locale locale = Messages.locale(ctx.request().getHeader("Accept-Language"));
        Object requestId = ctx.get(RequestIds.MDC_KEY);
        Problem problem = new Problem(Problem.TYPE_BASE + type, Messages.get(locale, "problem." + type + ".title"), status,
                Messages.get(locale, "problem." + type + ".detail", args), ctx.request().path(),
                requestId == null ? null : requestId.toString(), List.of());
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response().end(Json.encode(problem));
    }
}
