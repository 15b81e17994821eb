package org.tuanjie.testing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The trace collector of a test run: the tested service exports its spans here (a CDI exporter takes the place
 * of OTLP), so a test can ask what a request it sent with a {@code traceparent} produced. Keeps the latest spans
 * only; a test looks for its own trace id.
 */
@Singleton
public class RecordedSpans implements SpanExporter {

    private static final int KEPT = 20_000;
    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    private static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");

    private final ArrayDeque<SpanData> spans = new ArrayDeque<>();

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> finished) {
        for (SpanData span : finished) {
            if (spans.size() == KEPT) {
                spans.removeFirst();
            }
            spans.addLast(span);
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    /** The spans of a trace recorded so far. */
    public synchronized List<SpanData> of(String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    /** Waits (spans are exported in batches) until the trace has a span that matches, or fails after 10 s. */
    public SpanData await(String traceId, String what, Predicate<SpanData> wanted) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(until)) {
            var found = of(traceId).stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no " + what + " in trace " + traceId + "; recorded: "
                + of(traceId).stream().map(s -> s.getKind() + " " + s.getName()).toList());
    }

    /** The span of the request the service answered. */
    public static Predicate<SpanData> served() {
        return span -> span.getKind() == SpanKind.SERVER;
    }

    /** A statement sent to PostgreSQL. */
    public static Predicate<SpanData> sql() {
        return span -> span.getKind() == SpanKind.CLIENT
                && ("postgresql".equals(span.getAttributes().get(DB_SYSTEM))
                        || "postgresql".equals(span.getAttributes().get(DB_SYSTEM_NAME)));
    }

    /** A call to another service. */
    public static Predicate<SpanData> call() {
        return span -> span.getKind() == SpanKind.CLIENT && span.getAttributes().get(DB_SYSTEM) == null
                && span.getAttributes().get(DB_SYSTEM_NAME) == null;
    }
}
