package org.tuanjie.units.boundary.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.units.boundary.GeoJson;
import org.tuanjie.units.boundary.UnitBoundary;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitRepository;
import org.tuanjie.units.unit.service.UnitService;

/**
 * A unit's map: the outlines of the units directly under it (a county's townships, a township's villages), as its
 * office uploads them. An upload replaces the map as a whole, all or nothing.
 */
@ApplicationScoped
public class BoundaryService {

    @Inject
    UnitService units;

    @Inject
    UnitRepository unitRows;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    /** A unit under the map's unit, with its outline. */
    public record Outline(Unit unit, JsonNode geometry) {
    }

    /** The map of a unit the caller sees: its open children that have an outline, by code. */
    public List<Outline> map(UUID unitId) {
        Unit unit = units.get(unitId);
        Map<UUID, Unit> children = children(unit);
        if (children.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select b from UnitBoundary b where b.unitId in :ids", UnitBoundary.class)
                .setParameter("ids", children.keySet()).getResultStream()
                .map(b -> new Outline(children.get(b.unitId()), b.geometry()))
                .sorted(java.util.Comparator.comparing(o -> o.unit().code())).toList();
    }

    /** What an upload did: outlines stored, and the units under the map's unit still without one. */
    public record Replaced(Unit unit, int outlines, List<String> without) {
    }

    /**
     * Replaces a unit's map with the features of a GeoJSON FeatureCollection, each naming one of the unit's open
     * children by code ({@code code} or {@code adcode}) or by its Chinese name. Nothing is stored unless every feature
     * is valid and names a different child.
     */
    @Transactional
    public Replaced replace(UUID unitId, byte[] body) {
        Unit unit = units.unit(unitId);
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Problems.InvalidInput(new Violation("", "boundary.json", e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GeoJson.Read read = GeoJson.featureCollection(document);
        List<Violation> errors = new ArrayList<>(read.errors());
        Map<UUID, Unit> children = children(unit);
        Map<String, Unit> byCode = children.values().stream().collect(Collectors.toMap(Unit::code, Function.identity()));
        Map<String, Unit> byName = new HashMap<>();
        children.values().forEach(u -> byName.merge(u.nameZh(), u, (a, b) -> null));
        Map<Unit, JsonNode> outlines = new HashMap<>();
        Set<UUID> taken = new HashSet<>();
        for (GeoJson.Feature feature : read.features()) {
            Unit child = feature.code() != null ? byCode.get(feature.code()) : feature.name() == null ? null : byName.get(feature.name());
            if (child == null) {
                errors.add(new Violation(feature.field(), "boundary.not-child",
                        feature.code() != null ? feature.code() : feature.name(), unit.nameZh()));
            } else if (!taken.add(child.id())) {
                errors.add(new Violation(feature.field(), "boundary.duplicate", child.nameZh()));
            } else {
                outlines.put(child, feature.geometry());
            }
        }
        if (!errors.isEmpty()) {
            throw new Problems.InvalidInput(errors);
        }
        if (!children.isEmpty()) {
            em.createQuery("delete from UnitBoundary b where b.unitId in :ids").setParameter("ids", children.keySet())
                    .executeUpdate();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        outlines.forEach((child, geometry) -> em.persist(new UnitBoundary(child.id(), geometry, now, caller.subject())));
        List<String> without = children.values().stream().filter(u -> !taken.contains(u.id())).map(Unit::code).sorted()
                .limit(GeoJson.MOST_FEATURES).toList();
        return new Replaced(unit, outlines.size(), without);
    }

    private Map<UUID, Unit> children(Unit unit) {
        return unitRows.list("parentId = ?1 and closedOn is null", unit.id()).stream()
                .collect(Collectors.toMap(Unit::id, Function.identity()));
    }
}
