package org.tuanjie.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.problem.Messages;
import org.tuanjie.platform.problem.Problem;
import org.tuanjie.platform.problem.Problems;

/**
 * Where a problem's {@code type} leads: {@code /problems/precondition-failed} is a page saying what the problem
 * means and what to do, in Chinese and English. The catalogue is the one each service's contract lists
 * ({@code x-problem-types} on its Problem schema), plus the gateway's own (rate limit, a service down or slow).
 */
@jakarta.inject.Singleton
@Path("/problems")
@Tag(name = "Problem types", description = "What each problem type means and what to do about it")
public class ProblemPagesResource {

    private static final String ADVICE_ZH = "如何处理：先看应答中的 detail 与 errors；4xx 表示请求需要修改（字段、版本、权限或顺序），"
            + "改正后再发；503、502、504 与 429 表示稍后重试（按 Retry-After 等待，写操作带同一个 Idempotency-Key）。"
            + "仍无法解决时，把应答中的 requestId（即 X-Request-Id）告诉系统管理员。";
    private static final String ADVICE_EN = "What to do: read the answer's detail and errors first. A 4xx means the request must"
            + " change (a field, the version, your role, or the order of steps) before it is sent again; 503, 502, 504 and 429"
            + " mean retry later (wait as Retry-After says, and send a write again with the same Idempotency-Key). If that"
            + " does not help, give your administrator the answer's requestId (its X-Request-Id).";

    /** How long a complete catalogue is served before the contracts are asked again (a new release may add types). */
    private static final java.time.Duration KEPT = java.time.Duration.ofMinutes(5);

    @Inject
    ApiDocsResource contracts;

    private volatile Catalogue kept;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every problem type of the suite, with its title and meaning in Chinese and English")
    public Uni<Map<String, JsonNode>> listProblemTypes() {
        return catalogue();
    }

    @GET
    @Path("{type}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "What a problem type means and what to do about it (a page)")
    public Uni<String> getProblemType(@PathParam("type") String type) {
        return catalogue().map(all -> {
            JsonNode words = all.get(Problem.TYPE_BASE + type);
            if (words == null) {
                throw new UnknownProblemType(type);
            }
            return page(type, words);
        });
    }

    /**
     * The services' catalogues as their contracts list them; a service that cannot be asked adds nothing. A
     * catalogue every service contributed to is kept for {@link #KEPT}: a page should not cost three contracts.
     */
    private Uni<Map<String, JsonNode>> catalogue() {
        Catalogue known = kept;
        if (known != null && System.nanoTime() - known.at() < KEPT.toNanos()) {
            return Uni.createFrom().item(known.types());
        }
        List<Uni<JsonNode>> asked = new ArrayList<>();
        ApiDocsResource.SERVICES.forEach(service -> asked.add(contracts.fetch(service)
                .onFailure().recoverWithItem(com.fasterxml.jackson.databind.node.MissingNode.getInstance())));
        return Uni.join().all(asked).andFailFast().map(documents -> {
            Map<String, JsonNode> all = new TreeMap<>();
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            Messages.problemTypes().forEach((type, words) -> all.put(Problem.TYPE_BASE + type, json.valueToTree(words)));
            for (JsonNode document : documents) {
                document.path("components").path("schemas").path("Problem").path("x-problem-types").fields()
                        .forEachRemaining(entry -> all.putIfAbsent(entry.getKey(), entry.getValue()));
            }
            if (documents.stream().noneMatch(JsonNode::isMissingNode)) {
                kept = new Catalogue(java.util.Collections.unmodifiableMap(new TreeMap<>(all)), System.nanoTime());
            }
            return all;
        });
    }

    private record Catalogue(Map<String, JsonNode> types, long at) {
    }

    private static String page(String type, JsonNode words) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(words.path("title-zh").asText(type))).append("</title></head><body><main>")
                .append("<h1>").append(escape(words.path("title-zh").asText(type))).append("</h1>")
                .append("<p><code>").append(escape(Problem.TYPE_BASE + type)).append("</code></p>");
        paragraph(html, words.path("detail-zh").asText(""));
        paragraph(html, ADVICE_ZH);
        html.append("<h2 lang=\"en\">").append(escape(words.path("title-en").asText(type))).append("</h2>");
        paragraph(html, words.path("detail-en").asText(""));
        paragraph(html, ADVICE_EN);
        return html.append("<p><a href=\"/problems\">/problems</a></p></main></body></html>").toString();
    }

    private static void paragraph(StringBuilder html, String text) {
        if (!text.isBlank()) {
            html.append("<p>").append(escape(text)).append("</p>");
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static final class UnknownProblemType extends Problems.NotFound {
        public UnknownProblemType(String type) {
            super("not-found", "problem.not-found.detail", type);
        }
    }
}
