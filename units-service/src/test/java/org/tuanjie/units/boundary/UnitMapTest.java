package org.tuanjie.units.boundary;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.units.Hierarchy;

/**
 * A county's map of its townships, for the dashboard: uploaded by the office that draws it (an admin of the unit or one
 * above it), read by everyone who sees the unit, and never half stored.
 */
@QuarkusTest
class UnitMapTest {

    private static final String GEO_JSON = "application/geo+json";
    /** JSON is UTF-8 (RFC 8259); REST Assured needs telling for a type it does not know. */
    private static final String UPLOAD = GEO_JSON + "; charset=UTF-8";
    private static Hierarchy h;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("87");
        }
    }

    @Test
    void theCountyOfficeOutlinesItsTownshipsAndEveryoneInReachSeesTheMap() {
        String map = "/units/" + h.id(h.county) + "/boundaries";
        Map<String, Object> byCode = feature(Map.of("code", h.townshipA, "fill", "#f00"), square(99.0, 28.0));
        Map<String, Object> byAdcode = feature(Map.of("adcode", Long.parseLong(h.townshipB)), multi(square(99.1, 28.0)));
        Map<String, Object> upload = collection(byCode, byAdcode);
        upload.put("name", "德钦县乡镇界（示意）");
        admin(h.county).contentType(UPLOAD).body(upload).put(map).then().statusCode(200)
                .body("outlines", equalTo(2)).body("without", contains(h.organ));

        as("auditor", h.county).accept(GEO_JSON).get(map).then().statusCode(200).contentType(startsWith(GEO_JSON))
                .body("type", equalTo("FeatureCollection"))
                .body("features.id", contains(h.townshipA, h.townshipB))
                .body("features.properties.name", contains("升平镇", "奔子栏镇"))
                .body("features.properties.kind", contains("TOWNSHIP", "TOWNSHIP"))
                .body("features[0].geometry.type", equalTo("Polygon"))
                .body("features[0].geometry.coordinates[0][1]", contains(99.01f, 28.0f))
                .body("features[0].properties.fill", nullValue())
                .body("features[1].geometry.type", equalTo("MultiPolygon"));
        // by name, as a township's office might have it; the map is replaced whole: township B has no outline now
        admin(h.province).contentType(UPLOAD).body(collection(feature(Map.of("name", "升平镇"), square(98.0, 27.0))))
                .put(map).then().statusCode(200).body("outlines", equalTo(1)).body("without", containsInAnyOrder(h.organ, h.townshipB));
        as("unit-leader", h.county).get(map).then().statusCode(200).body("features", hasSize(1))
                .body("features[0].geometry.coordinates[0][0]", contains(98.0f, 27.0f));
        // a township's staff do not see the county's map; its map (of its villages) is its own office's to draw
        as("auditor", h.townshipA).get(map).then().statusCode(404);
        String township = "/units/" + h.id(h.townshipA) + "/boundaries";
        admin(h.townshipA).contentType(UPLOAD).body(collection(feature(Map.of("code", h.villageA), square(99.0, 28.0))))
                .put(township).then().statusCode(200).body("outlines", equalTo(1)).body("without", contains(h.school));
        as("unit-liaison", h.villageA).get(township).then().statusCode(404);
        as("unit-liaison", h.townshipA).get(township).then().statusCode(200).body("features.id", contains(h.villageA));
        // a unit without children, or without a map, has an empty one
        as("auditor", h.county).get("/units/" + h.id(h.villageA) + "/boundaries").then().statusCode(200)
                .body("type", equalTo("FeatureCollection")).body("features", hasSize(0));
    }

    @Test
    void onlyAnAdminOfTheUnitOrAboveDrawsItsMap() {
        String map = "/units/" + h.id(h.county) + "/boundaries";
        Map<String, Object> upload = collection(feature(Map.of("code", h.townshipA), square(99.0, 28.0)));
        // the townships do not redraw the county's map, their own outline included
        admin(h.townshipA).contentType(UPLOAD).body(upload).put(map).then().statusCode(404);
        for (String role : List.of("inspector", "auditor", "unit-liaison", "unit-leader")) {
            as(role, h.county).contentType(UPLOAD).body(upload).put(map).then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
        }
        RestAssured.given().contentType(UPLOAD).body(upload).put(map).then().statusCode(401);
        admin(new Hierarchy("88").county).contentType(UPLOAD).body(upload).put(map).then().statusCode(404);
    }

    @Test
    void aBadFileIsReportedFeatureByFeatureAndNothingIsStored() {
        String map = "/units/" + h.id(h.organ) + "/boundaries";
        String county = "/units/" + h.id(h.county) + "/boundaries";
        admin(h.county).contentType(UPLOAD).body(collection(feature(Map.of("code", h.townshipA), square(99.0, 28.0)),
                feature(Map.of("code", h.townshipB), square(99.1, 28.0)))).put(county).then().statusCode(200);

        List<List<Double>> open = List.of(List.of(99.0, 28.0), List.of(99.1, 28.0), List.of(99.1, 28.1), List.of(99.0, 28.1));
        List<List<Double>> offEarth = List.of(List.of(99.0, 28.0), List.of(99.1, 95.0), List.of(99.1, 28.1), List.of(99.0, 28.0));
        Map<String, Object> bad = collection(
                feature(Map.of("code", h.townshipA), Map.of("type", "Point", "coordinates", List.of(99.0, 28.0))),
                feature(Map.of("code", h.townshipB), Map.of("type", "Polygon", "coordinates", List.of(open))),
                feature(Map.of("code", h.villageA), square(99.2, 28.0)),
                feature(Map.of("name", "奔子栏镇"), Map.of("type", "Polygon", "coordinates", List.of(offEarth))),
                feature(Map.of("fill", "red"), square(99.3, 28.0)),
                feature(Map.of("code", h.organ), square(99.4, 28.0)),
                feature(Map.of("name", "县委统战部"), square(99.5, 28.0)));
        admin(h.county).contentType(UPLOAD).body(bad).put(county).then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", contains("features[0].geometry.type", "features[1].geometry.coordinates[0]",
                        "features[3].geometry.coordinates[0][1]", "features[4].properties", "features[2].properties",
                        "features[6].properties"));
        // nothing of it was stored: the map is the one before
        as("auditor", h.county).get(county).then().statusCode(200).body("features.id", contains(h.townshipA, h.townshipB))
                .body("features[0].geometry.coordinates[0][0]", contains(99.0f, 28.0f));

        admin(h.county).contentType(UPLOAD).body("{\"type\": \"FeatureCollection\", \"features\": [").put(county).then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        admin(h.county).contentType(UPLOAD).body(Map.of("type", "Feature")).put(county).then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
        admin(h.county).contentType("text/plain").body("x").put(county).then().statusCode(415);
        Object[] tooMany = java.util.stream.IntStream.range(0, 1001)
                .mapToObj(i -> feature(Map.of("code", h.townshipA), square(99.0, 28.0))).toArray();
        admin(h.county).contentType(UPLOAD).body(collection(tooMany)).put(county).then().statusCode(400)
                .body("errors.field", contains("features")).body("errors[0].message", containsString("1000"));
        as("auditor", h.county).get(county).then().statusCode(200).body("features", hasSize(2));
        // a unit's map names only the units directly under it
        admin(h.county).contentType(UPLOAD).body(collection(feature(Map.of("code", h.townshipA), square(99.0, 28.0))))
                .put(map).then().statusCode(400).body("errors[0].field", equalTo("features[0].properties"));
    }

    private static Map<String, Object> collection(Object... features) {
        Map<String, Object> collection = new java.util.LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", List.of(features));
        return collection;
    }

    private static Map<String, Object> feature(Map<String, Object> properties, Map<String, Object> geometry) {
        return Map.of("type", "Feature", "properties", properties, "geometry", geometry);
    }

    /** A square 0.01° across with its south-west corner at (lon, lat). */
    private static Map<String, Object> square(double lon, double lat) {
        return Map.of("type", "Polygon", "coordinates", List.of(ring(lon, lat)), "bbox", List.of(lon, lat, lon + 0.01, lat + 0.01));
    }

    private static Map<String, Object> multi(Map<String, Object> polygon) {
        return Map.of("type", "MultiPolygon", "coordinates", List.of(polygon.get("coordinates")));
    }

    private static List<List<Double>> ring(double lon, double lat) {
        return List.of(List.of(lon, lat), List.of(lon + 0.01, lat), List.of(lon + 0.01, lat + 0.01), List.of(lon, lat + 0.01),
                List.of(lon, lat));
    }
}
