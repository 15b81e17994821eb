package org.tuanjie.units.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.tuanjie.platform.problem.Violation;

/**
 * Reads the GeoJSON (RFC 7946) a county has of its townships: a FeatureCollection of Polygon or MultiPolygon features
 * in WGS 84 longitude and latitude, each naming its unit in {@code properties} by {@code code} (the unit's code),
 * {@code adcode} (as the national administrative-division datasets name it) or {@code name}. Every mistake is reported
 * with its place in the document ({@code features[3].geometry.coordinates[0]}); a geometry is kept as its type and
 * coordinates only, whatever else the file carried.
 */
public final class GeoJson {

    /** The most features a map holds: more units than any county has townships, or a township villages. */
    public static final int MOST_FEATURES = 1000;

    /** One feature: how it names its unit, and its geometry as kept. */
    public record Feature(int index, String code, String name, ObjectNode geometry) {

        public String field() {
            return "features[" + index + "].properties";
        }
    }

    /** What was read, and what was wrong with it. */
    public record Read(List<Feature> features, List<Violation> errors) {
    }

    private GeoJson() {
    }

    public static Read featureCollection(JsonNode document) {
        List<Violation> errors = new ArrayList<>();
        List<Feature> features = new ArrayList<>();
        if (document == null || !document.isObject() || !"FeatureCollection".equals(document.path("type").asText())) {
            errors.add(new Violation("type", "boundary.not-feature-collection"));
            return new Read(features, errors);
        }
        JsonNode list = document.path("features");
        if (!list.isArray()) {
            errors.add(new Violation("features", "boundary.features"));
            return new Read(features, errors);
        }
        if (list.size() > MOST_FEATURES) {
            errors.add(new Violation("features", "boundary.too-many", String.valueOf(MOST_FEATURES)));
            return new Read(features, errors);
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode feature = list.get(i);
            String at = "features[" + i + "]";
            if (!"Feature".equals(feature.path("type").asText())) {
                errors.add(new Violation(at + ".type", "boundary.not-feature"));
                continue;
            }
            JsonNode properties = feature.path("properties");
            String code = text(properties.path("code"));
            if (code == null) {
                code = text(properties.path("adcode"));
            }
            String name = text(properties.path("name"));
            boolean unnamed = code == null && name == null;
            if (unnamed) {
                errors.add(new Violation(at + ".properties", "boundary.unnamed"));
            }
            ObjectNode geometry = geometry(feature.path("geometry"), at + ".geometry", errors);
            if (geometry != null && !unnamed) {
                features.add(new Feature(i, code, name, geometry));
            }
        }
        return new Read(features, errors);
    }

    private static String text(JsonNode node) {
        return node.isTextual() || node.isNumber() ? node.asText().strip() : null;
    }

    /** A Polygon or MultiPolygon whose rings are closed, of at least four positions, within longitude and latitude. */
    static ObjectNode geometry(JsonNode geometry, String at, List<Violation> errors) {
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        int before = errors.size();
        switch (type) {
            case "Polygon" -> polygon(coordinates, at + ".coordinates", errors);
            case "MultiPolygon" -> {
                if (!coordinates.isArray() || coordinates.isEmpty()) {
                    errors.add(new Violation(at + ".coordinates", "boundary.polygons"));
                } else {
                    for (int p = 0; p < coordinates.size(); p++) {
                        polygon(coordinates.get(p), at + ".coordinates[" + p + "]", errors);
                    }
                }
            }
            default -> errors.add(new Violation(at + ".type", "boundary.geometry-type", type));
        }
        if (errors.size() > before) {
            return null;
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        kept.put("type", type);
        kept.set("coordinates", coordinates.deepCopy());
        return kept;
    }

    private static void polygon(JsonNode rings, String at, List<Violation> errors) {
        if (!rings.isArray() || rings.isEmpty()) {
            errors.add(new Violation(at, "boundary.rings"));
            return;
        }
        for (int r = 0; r < rings.size(); r++) {
            ring(rings.get(r), at + "[" + r + "]", errors);
        }
    }

    private static void ring(JsonNode ring, String at, List<Violation> errors) {
        if (!ring.isArray() || ring.size() < 4) {
            errors.add(new Violation(at, "boundary.ring-size"));
            return;
        }
        for (int i = 0; i < ring.size(); i++) {
            JsonNode position = ring.get(i);
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()
                    || Math.abs(position.get(0).asDouble()) > 180 || Math.abs(position.get(1).asDouble()) > 90) {
                errors.add(new Violation(at + "[" + i + "]", "boundary.position"));
                return;
            }
        }
        ArrayNode first = (ArrayNode) ring.get(0);
        JsonNode last = ring.get(ring.size() - 1);
        if (first.get(0).asDouble() != last.get(0).asDouble() || first.get(1).asDouble() != last.get(1).asDouble()) {
            errors.add(new Violation(at, "boundary.ring-open"));
        }
    }
}
