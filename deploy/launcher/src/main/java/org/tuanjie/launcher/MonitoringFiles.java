package org.tuanjie.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The operators' dashboard and alert rules ({@code deploy/observability}), read as Prometheus reads their queries:
 * which metrics each names. The build checks them twice: their shape statically, and in the end-to-end run that
 * every metric they name is one the running suite exposes, so a renamed metric cannot leave a blank panel or an
 * alert that never fires.
 */
final class MonitoringFiles {

    static final String DASHBOARD = "grafana-dashboard.json";
    static final String RULES = "prometheus-rules.yaml";
    static final String SCRAPE = "prometheus-scrape.yaml";

    /** What Prometheus records itself about each scrape: not exposed by any application. */
    static final Set<String> SCRAPE_METRICS = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    /** Keywords and aggregation words of PromQL that read like names but are not metrics. */
    private static final Set<String> WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "sum", "min", "max", "avg", "count", "topk", "bottomk", "quantile",
            "stddev", "stdvar", "count_values", "group", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern NAME = Pattern.compile("(?<![\\w$.])[a-zA-Z_:][a-zA-Z0-9_:]*");

    private MonitoringFiles() {
    }

    /** A query of a panel or a rule, and where it is. */
    record Query(String where, String expr) {
    }

    /** Every query of the dashboard's panels and of the alert rules. */
    static List<Query> queries(Path directory) throws IOException {
        List<Query> queries = new ArrayList<>();
        JsonNode dashboard = new ObjectMapper().readTree(directory.resolve(DASHBOARD).toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query("panel \"" + panel.path("title").asText() + "\" " + target.path("refId").asText(),
                        target.path("expr").asText()));
            }
        }
        for (Map<String, Object> rule : rules(directory)) {
            queries.add(new Query("alert " + rule.get("alert"), String.valueOf(rule.get("expr"))));
        }
        return queries;
    }

    /** The alert rules of every group. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules(Path directory) throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(directory.resolve(RULES)));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    /** The metrics a query reads: names that are neither functions, keywords, labels nor Grafana variables. */
    static Set<String> metricsIn(String expr) {
        String bare = STRING.matcher(expr).replaceAll("\"\"");
        bare = MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = LABEL_LIST.matcher(bare).replaceAll("$1 ");
        Set<String> metrics = new TreeSet<>();
        Matcher name = NAME.matcher(bare);
        while (name.find()) {
            String rest = bare.substring(name.end()).stripLeading();
            if (!rest.startsWith("(") && !WORDS.contains(name.group().toLowerCase(java.util.Locale.ROOT))) {
                metrics.add(name.group());
            }
        }
        return metrics;
    }

    /** What is wrong with a query's shape (brackets that do not pair, a quote left open), or empty. */
    static List<String> problemsOf(String expr) {
        List<String> problems = new ArrayList<>();
        if (expr == null || expr.isBlank()) {
            problems.add("no query");
            return problems;
        }
        Deque<Character> open = new ArrayDeque<>();
        boolean quoted = false;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> quoted = true;
                case '(', '{', '[' -> open.push(c);
                case ')', '}', ']' -> {
                    char expected = c == ')' ? '(' : c == '}' ? '{' : '[';
                    if (open.isEmpty() || open.pop() != expected) {
                        problems.add("'" + c + "' at " + i + " closes nothing it opened");
                        return problems;
                    }
                }
                default -> { }
            }
        }
        if (quoted) {
            problems.add("a quote is left open");
        }
        if (!open.isEmpty()) {
            problems.add("'" + open.peek() + "' is never closed");
        }
        if (metricsIn(expr).isEmpty()) {
            problems.add("reads no metric");
        }
        return problems;
    }

    /** The names of the metrics in a Prometheus exposition (text format). */
    static Set<String> exposed(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        return names;
    }
}
