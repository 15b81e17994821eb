package org.tuanjie.agreements.observability;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.testing.FakeCounty.as;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tuanjie.agreements.Agreements;
import org.tuanjie.testing.FakeCounty;
import org.tuanjie.testing.FakeServer;
import org.tuanjie.testing.RecordedSpans;

/**
 * A request that comes with a W3C {@code traceparent} (from the gateway) continues that trace: the service's span is
 * the caller's child, each SQL statement and each call to another service is a span under it, and the services it
 * calls receive the trace with the calling span as their parent.
 */
@QuarkusTest
class TracesTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RecordedSpans spans;

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    @Test
    void anAssessmentIsOneTraceFromTheCallerThroughTheDatabaseToTheServicesItAsks() {
        FakeCounty c = new FakeCounty("540161");
        issueWithin(c, publishedTemplate(c, 2026), c.county).then().statusCode(200);
        String unit = c.villages.get(0);
        String id = agreementOf(c, unit, 2026);
        act("unit-leader", unit, id, "sign", null, c.county).then().statusCode(200);
        act("admin", c.county, id, "countersign", null, c.county).then().statusCode(200);
        Agreements.taskFigures(c.id(unit), "PUBLICITY", 2, 2);
        c.readiness(unit, 90, true);

        String traceId = hex(16);
        String callerSpan = hex(8);
        String etag = as("auditor", c.county).get("/agreements/" + id).header("ETag");
        as("admin", c.county).header("If-Match", etag).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("scores", Map.of("T3", Map.of("score", 25)),
                        "adjustments", Map.of("V1", Map.of("triggered", false))))
                .post("/agreements/" + id + "/assessment").then().statusCode(200).body("result", equalTo("FULFILLED"));

        SpanData served = spans.await(traceId, "span of the request", RecordedSpans.served());
        assertEquals(callerSpan, served.getParentSpanId(), "the service's span is the caller's child");
        SpanData statement = spans.await(traceId, "SQL statement", RecordedSpans.sql());
        assertTrue(under(statement, served, traceId), "the statement " + statement.getName() + " is within the request");

        List<FakeServer.Called> called = FakeServer.calledIn(traceId);
        Set<String> paths = called.stream().map(FakeServer.Called::path).collect(Collectors.toSet());
        assertEquals(Set.of("/units/" + c.id(unit) + "/readiness", "/figures"), paths,
                "units-service and tasks-service receive the trace");
        for (FakeServer.Called call : called) {
            SpanData client = spans.await(traceId, "span of the call to " + call.path(),
                    span -> span.getSpanId().equals(call.parentSpanId()));
            assertEquals(SpanKind.CLIENT, client.getKind(), call.path());
            assertTrue(under(client, served, traceId), "the call to " + call.path() + " is within the request");
        }
    }

    /** Whether {@code span} descends from {@code ancestor} in the recorded trace. */
    private boolean under(SpanData span, SpanData ancestor, String traceId) {
        Map<String, String> parents = spans.of(traceId).stream()
                .collect(Collectors.toMap(SpanData::getSpanId, SpanData::getParentSpanId, (a, b) -> a));
        String at = span.getParentSpanId();
        for (int hops = 0; at != null && hops < 50; hops++) {
            if (at.equals(ancestor.getSpanId())) {
                return true;
            }
            at = parents.get(at);
        }
        return false;
    }
}
