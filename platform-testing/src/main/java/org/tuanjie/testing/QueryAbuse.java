package org.tuanjie.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.Yaml;

/**
 * Forged query parameters over every read of the committed contract, not only the ones a test
 * remembered. A cursor is not signed, so a client can send one that decodes but was never issued:
 * undecodable or with keys of the wrong kind it is a 400 problem on {@code cursor}; with keys of
 * the right kind from elsewhere (another subtree, a far-off date) it is a 200 or a 400, never a 5xx
 * and never items the same caller could not list without it. A number that does not fit its
 * parameter's type is a 400 problem naming the parameter.
 *
 * <p>The checks do not know each listing's sort keys: they send cursors of one and two keys, so one
 * of them has the right arity, with a garbage key at each place beside plausible ones, and every
 * combination of plausible keys.
 */
public final class QueryAbuse {

    /** Keys no cursor of ours can hold: not a unit path, a UUID, a date or a sequence number. */
    private static final List<String> GARBAGE_KEYS = List.of("x", "", "-1", "1e30", "\u0000");
    private static final List<String> NUMBERS_THAT_DO_NOT_FIT = List.of("99999999999999999999", "-99999999999999999999",
            "1e30", "12.5", "abc");

    private QueryAbuse() {
    }

    /** Keys of the kinds the services sort by, naming nothing the caller can see. */
    private static List<String> plausibleKeys() {
        return List.of(UUID.randomUUID().toString(), "9999-12-31", "0001-01-01", "/999999/", "/999999999999/999999999999/",
                "0", "9223372036854775807");
    }

    /**
     * @param token  a caller whose role every checked operation admits
     * @param values a value for every path parameter name used, inside the caller's subtree (e.g.
     *               {@code id} → an inspection the caller can read), so that the cursor is what is judged
     * @return how many operations with a {@code cursor} were checked
     */
    public static int forgedCursorsAreRefused(String token, Map<String, String> values) {
        return forgedCursorsAreRefused(token, withValues(values));
    }

    /**
     * @param concrete the path to call for a path of the contract ({@code /domains/{id}/members} →
     *                 {@code /domains/<a domain the caller can read>/members}), where one parameter
     *                 name stands for different things
     */
    public static int forgedCursorsAreRefused(String token, UnaryOperator<String> concrete) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Read read : reads()) {
            if (!read.query().contains("cursor")) {
                continue;
            }
            String path = concrete(read, concrete);
            if (path == null) {
                wrong.add(read.path() + ": no value for a path parameter");
                continue;
            }
            checked++;
            for (String cursor : undecodable()) {
                expectCursorRefused(token, path, cursor, "undecodable", wrong);
            }
            for (String garbage : GARBAGE_KEYS) {
                expectCursorRefused(token, path, cursorOf(garbage, garbage, garbage), "three garbage keys", wrong);
            }
            for (int arity = 1; arity <= 2; arity++) { // our listings sort by one or two keys
                for (String garbage : GARBAGE_KEYS) {
                    for (int at = 0; at < arity; at++) {
                        for (String other : plausibleKeys()) {
                            String[] keys = new String[arity];
                            Arrays.fill(keys, other);
                            keys[at] = garbage;
                            expectCursorRefused(token, path, cursorOf(keys), "garbage key " + at + " of " + List.of(keys), wrong);
                        }
                    }
                }
            }
            Set<Object> listed = everythingListed(token, path);
            for (List<String> keys : combinations(plausibleKeys(), 2)) {
                String cursor = cursorOf(keys.toArray(String[]::new));
                Response r = send(token, path, "cursor", cursor, wrong);
                if (r == null) {
                    continue;
                }
                String what = "GET " + path + " with keys " + keys + " → " + r.statusCode();
                if (r.statusCode() == 400) {
                    if (!isProblemOn(r, "cursor")) {
                        wrong.add(what + " without an error on cursor");
                    }
                } else if (r.statusCode() != 200) {
                    wrong.add(what);
                } else if (listed != null) {
                    for (Object item : r.jsonPath().<Object>getList("items")) {
                        if (!listed.contains(identity(item)) && !resolved(item)) {
                            wrong.add(what + " with an item the caller cannot list: " + item);
                        }
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), "forged cursors, " + summary(wrong));
        return checked;
    }

    /**
     * @param token  a caller whose role every checked operation admits
     * @param values a value for every path parameter name used
     * @return how many integer query parameters were checked
     */
    public static int numbersThatDoNotFitAreRefused(String token, Map<String, String> values) {
        return numbersThatDoNotFitAreRefused(token, withValues(values));
    }

    /** @param concrete the path to call for a path of the contract, as for {@link #forgedCursorsAreRefused(String, UnaryOperator)} */
    public static int numbersThatDoNotFitAreRefused(String token, UnaryOperator<String> concrete) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Read read : reads()) {
            String path = concrete(read, concrete);
            for (String parameter : read.integers()) {
                if (path == null) {
                    wrong.add(read.path() + ": no value for a path parameter");
                    continue;
                }
                checked++;
                for (String number : NUMBERS_THAT_DO_NOT_FIT) {
                    Response r = send(token, path, parameter, number, wrong);
                    if (r != null && (r.statusCode() != 400 || !isProblemOn(r, parameter))) {
                        wrong.add("GET " + path + "?" + parameter + "=" + number + " → " + r.statusCode());
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), "numbers that do not fit, " + summary(wrong));
        return checked;
    }

    /** How many went wrong on each path with each status, then the first of them. */
    private static String summary(List<String> wrong) {
        Map<String, Integer> byPathAndStatus = new java.util.TreeMap<>();
        java.util.regex.Pattern shape = java.util.regex.Pattern.compile("GET ([^? ]+).*→ (\\d+)");
        for (String one : wrong) {
            java.util.regex.Matcher m = shape.matcher(one);
            byPathAndStatus.merge(m.find() ? m.group(1) + " → " + m.group(2) : one, 1, Integer::sum);
        }
        return wrong.size() + " wrong " + byPathAndStatus + ": " + (wrong.size() > 40 ? wrong.subList(0, 40) + " …" : wrong);
    }

    private static void expectCursorRefused(String token, String path, String cursor, String what, List<String> wrong) {
        Response r = send(token, path, "cursor", cursor, wrong);
        if (r != null && (r.statusCode() != 400 || !isProblemOn(r, "cursor"))) {
            wrong.add("GET " + path + " with a cursor of " + what.replace("\u0000", "\\u0000") + " → " + r.statusCode());
        }
    }

    /** Whatever the caller can list without a cursor, when it fits one page; null when it does not. */
    private static Set<Object> everythingListed(String token, String path) {
        Response r = get(token).queryParam("limit", 500).get(path);
        if (r.statusCode() != 200 || r.jsonPath().get("next") != null || r.jsonPath().get("items") == null) {
            return null;
        }
        Set<Object> listed = new HashSet<>();
        r.jsonPath().<Object>getList("items").forEach(item -> listed.add(identity(item)));
        return listed;
    }

    /**
     * An item a delta feed tells as resolved (the inbox's): the caller's own, but left out of a first sync, which
     * brings only what is open, so a listing without a cursor cannot show it.
     */
    private static boolean resolved(Object item) {
        return item instanceof Map<?, ?> map && map.get("resolvedAt") != null;
    }

    private static Object identity(Object item) {
        return item instanceof Map<?, ?> map && map.get("id") != null ? map.get("id") : item;
    }

    private static boolean isProblemOn(Response r, String field) {
        if (!String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            return false;
        }
        List<Object> fields = r.jsonPath().getList("errors.field");
        return fields != null && fields.contains(field);
    }

    /** The answer, or null when it broke the contract (an undocumented 500, say), which is then noted in {@code wrong}. */
    private static Response send(String token, String path, String parameter, String value, List<String> wrong) {
        try {
            return get(token).queryParam(parameter, value).get(path);
        } catch (RuntimeException e) { // ResponseContract refused the answer
            String message = String.valueOf(e.getMessage());
            java.util.regex.Matcher status = java.util.regex.Pattern.compile("Response status (\\d+)").matcher(message);
            wrong.add("GET " + path + "?" + parameter + "=" + value.replace("\u0000", "%00") + " → "
                    + (status.find() ? status.group(1) : "an answer outside the contract: " + message));
            return null;
        }
    }

    private static RequestSpecification get(String token) {
        return given().auth().oauth2(token).accept("application/json");
    }

    private static List<String> undecodable() {
        return List.of("!!!", "not a cursor", base64("v2\u001fx"), base64("v1"), base64("\u001f\u001f"),
                base64("v1\u001f" + "x".repeat(1000)), Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xff, 0, 0x1f}),
                base64("garbage"));
    }

    private static String cursorOf(String... keys) {
        return base64("v1\u001f" + String.join("\u001f", keys));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every list of one to {@code max} values drawn from {@code values}. */
    private static List<List<String>> combinations(List<String> values, int max) {
        List<List<String>> all = new ArrayList<>();
        List<List<String>> previous = List.of(List.of());
        for (int size = 1; size <= max; size++) {
            List<List<String>> longer = new ArrayList<>();
            for (List<String> prefix : previous) {
                for (String value : values) {
                    List<String> next = new ArrayList<>(prefix);
                    next.add(value);
                    longer.add(next);
                }
            }
            all.addAll(longer);
            previous = longer;
        }
        return all;
    }

    private static UnaryOperator<String> withValues(Map<String, String> values) {
        return path -> {
            String concrete = path;
            for (Map.Entry<String, String> value : values.entrySet()) {
                concrete = concrete.replace("{" + value.getKey() + "}", value.getValue());
            }
            return concrete;
        };
    }

    /** The path to call, or null when a path parameter was left without a value. */
    private static String concrete(Read read, UnaryOperator<String> concrete) {
        String path = concrete.apply(read.path());
        return path.contains("{") ? null : path;
    }

    /** A GET of the contract with its query parameters. */
    private record Read(String path, Set<String> query, List<String> integers) {
    }

    @SuppressWarnings("unchecked")
    private static List<Read> reads() {
        Map<String, Object> spec;
        try {
            spec = new Yaml().load(Files.readString(OpenApiContract.COMMITTED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Read> reads = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        paths.forEach((path, item) -> {
            if (!(item.get("get") instanceof Map<?, ?> op) || op.get("security") == null) {
                return;
            }
            Set<String> query = new HashSet<>();
            List<String> integers = new ArrayList<>();
            for (Map<String, Object> parameter : (List<Map<String, Object>>) ((Map<String, Object>) op).getOrDefault("parameters", List.of())) {
                if (!"query".equals(parameter.get("in"))) {
                    continue;
                }
                String name = (String) parameter.get("name");
                query.add(name);
                if (parameter.get("schema") instanceof Map<?, ?> schema && "integer".equals(schema.get("type"))) {
                    integers.add(name);
                }
            }
            reads.add(new Read(path, query, integers));
        });
        return reads;
    }
}
