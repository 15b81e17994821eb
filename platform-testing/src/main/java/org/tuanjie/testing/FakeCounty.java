package org.tuanjie.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A county as units-service would serve it, loaded into {@link FakeUnitsService}: the county, three
 * townships (A, B, C) each with a village and a school, and two county departments. Each test class
 * takes its own county code so classes never meet.
 */
public final class FakeCounty {

    public final String county;
    public final List<String> townships = new ArrayList<>();
    public final List<String> villages = new ArrayList<>();
    public final List<String> schools = new ArrayList<>();
    public final String publicity;
    public final String education;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final List<Map<String, String>> units = new ArrayList<>();
    private static final Map<String, String> TAKEN_BY = new ConcurrentHashMap<>();

    /** @param county6 six digits, distinct per test class, e.g. "513221" */
    public FakeCounty(String county6) {
        String owner = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(type -> type != FakeCounty.class).findFirst().orElseThrow().getName());
        String taken = TAKEN_BY.putIfAbsent(county6, owner);
        if (taken != null && !taken.equals(owner)) {
            throw new IllegalStateException("county " + county6 + " is already " + taken + "'s: their rows would meet");
        }
        String province = county6.substring(0, 2) + "0000000000";
        String prefecture = county6.substring(0, 4) + "00000000";
        county = county6 + "000000";
        add(province, "PROVINCE", null, "省");
        add(prefecture, "PREFECTURE", province, "州");
        add(county, "COUNTY", prefecture, "县" + county6);
        for (int i = 0; i < 3; i++) {
            String township = county6 + (100 + i) + "000";
            townships.add(township);
            add(township, "TOWNSHIP", county, "乡镇" + (char) ('A' + i));
            String village = county6 + (100 + i) + "001";
            villages.add(village);
            add(village, "VILLAGE", township, "村" + (char) ('A' + i));
            String school = "12" + county6 + "SCHOOL" + i + "XX";
            schools.add(school);
            add(school, "SCHOOL", township, "学校" + (char) ('A' + i));
        }
        publicity = "11" + county6 + "PUBLICITYX";
        add(publicity, "ORGAN", county, "县委宣传部");
        education = "11" + county6 + "EDUCATIONX";
        add(education, "ORGAN", county, "县教育局");
        admin("units", units);
    }

    private void add(String code, String kind, String parent, String name) {
        String id = UUID.randomUUID().toString();
        ids.put(code, id);
        Map<String, String> unit = new LinkedHashMap<>();
        unit.put("id", id);
        unit.put("code", code);
        unit.put("kind", kind);
        unit.put("name", name);
        if (parent != null) {
            unit.put("parentCode", parent);
        }
        units.add(unit);
    }

    public String id(String code) {
        return ids.get(code);
    }

    public void domain(String domainId, List<String> memberCodes) {
        admin("domains/" + domainId, memberCodes.stream().map(ids::get).toList());
    }

    /** A domain whose lead unit (牵头单位) reads all its members, across subtrees. */
    public void domain(String domainId, String leadCode, List<String> memberCodes) {
        admin("domains/" + domainId, Map.of("leadCode", leadCode, "members", memberCodes.stream().map(ids::get).toList()));
    }

    /** Sets the readiness profile units-service reports for a unit. */
    public void readiness(String code, int score, boolean complete) {
        admin("readiness/" + code, Map.of("score", score, "complete", complete));
    }

    /** Sets the indicators units-service lists for a unit in a year (its catalogue in force); none set: no catalogue. */
    public void judgedBy(String code, int year, String... indicatorCodes) {
        admin("indicators/" + code, Map.of("year", year, "codes", List.of(indicatorCodes)));
    }

    /** A reviewer's score of one indicator on a unit's scorecard for a year, out of its points (score null: not yet). */
    public void reviewed(String code, int year, String indicatorCode, int points, Integer score) {
        Map<String, Object> review = new LinkedHashMap<>(Map.of("year", year, "code", indicatorCode, "points", points));
        if (score != null) {
            review.put("score", score);
        }
        admin("reviews/" + code, review);
    }

    /**
     * Files entries of one kind in a unit's dossier, one per date (ISO days), as filing activities (PUBLICITY, TRAINING,
     * ...) or documents (DOCUMENT) in units-service does; they count in {@code /units/{id}/dossier/counts}.
     */
    public void onFile(String code, String kind, String... dates) {
        admin("dossier/" + code, java.util.Arrays.stream(dates).map(d -> Map.of("kind", kind, "date", d)).toList());
    }

    /** Files entries that were withdrawn since: units-service keeps them, but they count no more. */
    public void withdrawnFromFile(String code, String kind, String... dates) {
        admin("dossier/" + code, java.util.Arrays.stream(dates)
                .map(d -> Map.<String, Object>of("kind", kind, "date", d, "withdrawn", true)).toList());
    }

    /** Moves a unit, and what lies under it, below another parent, as an admin would in units-service. */
    public void move(String code, String newParentCode) {
        given().baseUri(fakeUrl()).body(newParentCode).post("/__admin/move/" + code).then().statusCode(204);
    }

    /**
     * Makes a person the unit's principal leader from today, as recording them among the unit's people does in
     * units-service.
     *
     * @return the id of their people record, which units-service gives as {@code principalLeader.personId}
     */
    public UUID leader(String code, String nameZh) {
        return leader(code, UUID.randomUUID(), nameZh);
    }

    /** Makes an existing people record the unit's principal leader again, as removing a successor recorded by mistake does. */
    public UUID leader(String code, UUID personId, String nameZh) {
        admin("leader/" + code, Map.of("personId", personId.toString(), "nameZh", nameZh,
                "from", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
        return personId;
    }

    /**
     * Makes a person with an active account the unit's principal leader from today: only that caller (tokens whose
     * name, {@code preferred_username} or else {@code sub}, is the username) signs for the unit.
     */
    public UUID leaderWithAccount(String code, String nameZh, String accountUsername) {
        UUID personId = UUID.randomUUID();
        admin("leader/" + code, Map.of("personId", personId.toString(), "nameZh", nameZh,
                "from", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "accountUsername", accountUsername));
        return personId;
    }

    /** Ends the unit's principal leader's period without a successor: units-service then shows no leader. */
    public void noLeader(String code) {
        given().baseUri(fakeUrl()).post("/__admin/leader/" + code).then().statusCode(204);
    }

    /** The unit_code of the services' own identity at the fake identity server; null: their credentials are refused. */
    public static void serviceRoot(String unitCode) {
        given().baseUri(fakeUrl()).body(unitCode == null ? "" : unitCode).post("/__admin/service-root")
                .then().statusCode(204);
    }

    /** The last request for the units' part of an evidence bundle: its {@code authorization} and {@code query}. */
    public static Map<String, String> lastHistoryPartRequest() {
        return given().baseUri(fakeUrl()).get("/__admin/last-part").then().statusCode(200).extract().jsonPath().getMap("");
    }

    public static void unitsService(String mode) {
        given().baseUri(fakeUrl()).body(mode).post("/__admin/mode").then().statusCode(204);
    }

    private static void admin(String what, Object body) {
        given().baseUri(fakeUrl()).contentType(ContentType.JSON).body(body).post("/__admin/" + what)
                .then().statusCode(204);
    }

    private static String fakeUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.units.url", String.class);
    }

    public static RequestSpecification as(String role, String unitCode) {
        return given().auth().oauth2(Tokens.of(role, unitCode)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Another person with the same role and unit: e.g. a second inspector. */
    public static RequestSpecification as(String subject, String role, String unitCode) {
        return given().auth().oauth2(Tokens.of(subject, role, unitCode)).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }
}
