package org.tuanjie.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The dashboard, the alert rules and the scrape jobs in deploy/observability, checked without a Prometheus or a
 * Grafana: each is what its tool loads, every query is well formed and reads a metric, every alert says how bad it is
 * and what to do, and the jobs the rules name are the ones scraped, at the ports the applications serve metrics on.
 * (That the metrics exist is checked against the running suite in the end-to-end run.)
 */
class MonitoringFilesTest {

    private static final Path DIRECTORY = DeployFilesTest.ROOT.resolve("deploy/observability");
    private static final Pattern JOB_MATCHER = Pattern.compile("job(=~|=)\"([^\"]*)\"");
    private static final Pattern DURATION = Pattern.compile("\\d+[smh]");

    @Test
    void readsTheMetricsAQueryNamesAndNothingElse() {
        assertEquals(Set.of("http_server_requests_seconds_bucket"), MonitoringFiles.metricsIn(
                "histogram_quantile(0.95, sum by (job, le) (rate(http_server_requests_seconds_bucket{job=~\"$job\", uri=\"/tasks\"}[$__rate_interval])))"));
        assertEquals(Set.of("agroal_blocking_time_total_milliseconds", "agroal_acquire_count_total"), MonitoringFiles.metricsIn(
                "sum by (job) (rate(agroal_blocking_time_total_milliseconds[5m])) / sum by (job) (rate(agroal_acquire_count_total[5m])) > 0.5"));
        assertEquals(Set.of("up"), MonitoringFiles.metricsIn("up{job=~\"tuanjie-.*\"} == 0"));
        assertEquals(List.of("'(' is never closed"), MonitoringFiles.problemsOf("sum(rate(up[5m])"));
        assertEquals(List.of("a quote is left open", "'{' is never closed"), MonitoringFiles.problemsOf("up{job=\"x}"));
        assertEquals(List.of("']' at 11 closes nothing it opened"), MonitoringFiles.problemsOf("rate(up{x=1]"));
        assertEquals(List.of("reads no metric"), MonitoringFiles.problemsOf("vector(1)"));
    }

    @Test
    void everyQueryIsWellFormed() throws IOException {
        List<String> problems = new ArrayList<>();
        List<MonitoringFiles.Query> queries = MonitoringFiles.queries(DIRECTORY);
        assertTrue(queries.size() >= 20, "panels and alerts: " + queries.size());
        queries.forEach(q -> MonitoringFiles.problemsOf(q.expr()).forEach(p -> problems.add(q.where() + ": " + p)));
        assertEquals(List.of(), problems);
    }

    @Test
    void theDashboardShowsWhatTheIssueAsksInBothLanguages() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DIRECTORY.resolve(MonitoringFiles.DASHBOARD).toFile());
        assertEquals("tuanjie-suite", dashboard.path("uid").asText());
        Set<Integer> ids = new HashSet<>();
        Set<String> read = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique: " + panel.path("id"));
            assertTrue(panel.path("title").asText().contains(" · "), "Chinese · English: " + panel.path("title"));
            assertTrue(panel.path("gridPos").path("w").asInt() > 0, "placed: " + panel.path("title"));
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertTrue(refIds.add(target.path("refId").asText()), "refIds are unique in " + panel.path("title"));
                assertEquals("${datasource}", target.path("datasource").path("uid").asText(), "the chosen Prometheus");
                read.addAll(MonitoringFiles.metricsIn(target.path("expr").asText()));
            }
            assertFalse(refIds.isEmpty(), panel.path("title") + " has a query");
        }
        // requests, errors, latency, pool, circuit states, webhook backlog
        assertTrue(read.containsAll(Set.of("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                "agroal_active_count", "agroal_awaiting_count", "gateway_circuit_state", "ft_circuitbreaker_state_current",
                "tuanjie_webhook_backlog_events", "tuanjie_webhook_subscriptions")), "the dashboard reads " + read);
        Set<String> variables = new HashSet<>();
        dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
        assertEquals(Set.of("datasource", "job"), variables);
    }

    @Test
    void everyAlertSaysHowBadItIsAndWhatToDo() throws IOException {
        Set<String> names = new HashSet<>();
        for (Map<String, Object> rule : MonitoringFiles.rules(DIRECTORY)) {
            String name = String.valueOf(rule.get("alert"));
            assertTrue(names.add(name), "alert names are unique: " + name);
            assertTrue(name.matches("Tuanjie[A-Z][A-Za-z]+"), name);
            assertTrue(DURATION.matcher(String.valueOf(rule.get("for"))).matches(), name + " waits a duration before firing");
            @SuppressWarnings("unchecked")
            Map<String, Object> labels = (Map<String, Object>) rule.get("labels");
            assertTrue(Set.of("critical", "warning").contains(labels.get("severity")), name + " severity");
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
            assertTrue(String.valueOf(annotations.get("summary")).contains(" · "), name + ": summary in Chinese · English");
            assertTrue(String.valueOf(annotations.get("description")).length() > 40, name + ": what to do");
        }
        assertTrue(names.containsAll(Set.of("TuanjieServerErrors", "TuanjieSlowResponses", "TuanjieGatewayCircuitOpen",
                "TuanjieDatabasePoolWaiting", "TuanjieWebhookBacklog")), "alerts: " + names);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRulesNameTheJobsThatAreScrapedAtThePortsWithMetrics() throws IOException {
        Map<String, Object> scrape = new Yaml().load(Files.readString(DIRECTORY.resolve(MonitoringFiles.SCRAPE)));
        Map<String, String> targets = new java.util.TreeMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) scrape.get("scrape_configs")) {
            assertEquals("/q/metrics", job.get("metrics_path"));
            List<String> hosts = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0).get("targets");
            targets.put((String) job.get("job_name"), hosts.get(0));
        }
        for (String app : List.of("gateway", "units-service", "tasks-service", "agreements-service")) {
            assertEquals(app + ":" + DeployFilesTest.healthPortOf(app), targets.get("tuanjie-" + app),
                    app + " is scraped where it serves /q/metrics");
        }
        for (MonitoringFiles.Query query : MonitoringFiles.queries(DIRECTORY)) {
            Matcher job = JOB_MATCHER.matcher(query.expr());
            while (job.find()) {
                if (job.group(2).startsWith("$")) {
                    continue; // the dashboard's job variable
                }
                Pattern wanted = Pattern.compile(job.group(1).equals("=~") ? job.group(2) : Pattern.quote(job.group(2)));
                assertTrue(targets.keySet().stream().anyMatch(j -> wanted.matcher(j).matches()),
                        query.where() + " names job " + job.group(2) + ", scraped are " + targets.keySet());
            }
        }
    }
}
