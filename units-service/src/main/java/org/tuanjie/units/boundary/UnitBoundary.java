package org.tuanjie.units.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A unit's outline on the map: a GeoJSON Polygon or MultiPolygon in WGS 84 longitude and latitude. */
@Entity
@Table(name = "unit_boundary")
public class UnitBoundary {

    @Id
    @Column(name = "unit_id")
    private UUID unitId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private JsonNode geometry;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected UnitBoundary() {
    }

    public UnitBoundary(UUID unitId, JsonNode geometry, OffsetDateTime at, String by) {
        this.unitId = unitId;
        this.geometry = geometry;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public UUID unitId() {
        return unitId;
    }

    public JsonNode geometry() {
        return geometry;
    }
}
