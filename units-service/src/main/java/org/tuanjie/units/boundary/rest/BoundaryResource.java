package org.tuanjie.units.boundary.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.problem.Problem;
import org.tuanjie.units.boundary.GeoJson;
import org.tuanjie.units.boundary.service.BoundaryService;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitNames;
import org.tuanjie.units.unit.mapping.UnitView;

@Guarded
@Tag(name = "Units")
@Path("/units/{id}/boundaries")
public class BoundaryResource {

    static final String GEO_JSON = "application/geo+json";

    @Inject
    BoundaryService service;

    /** A unit's map as GeoJSON. */
    @Schema(name = "UnitMap", description = "A GeoJSON FeatureCollection (RFC 7946): one feature per unit outlined")
    public record MapView(@Schema(enumeration = "FeatureCollection") String type,
            @Schema(maxItems = GeoJson.MOST_FEATURES) List<FeatureView> features) {
    }

    @Schema(name = "UnitOutline")
    public record FeatureView(@Schema(enumeration = "Feature") String type, @Schema(description = "The unit's code", maxLength = UnitView.CODE_MAX) String id,
            UnitProperties properties,
            @Schema(type = SchemaType.OBJECT, description = "Polygon or MultiPolygon, WGS 84 longitude and latitude") JsonNode geometry) {
    }

    @Schema(name = "UnitOutlineProperties")
    public record UnitProperties(UUID id, @Schema(maxLength = UnitView.CODE_MAX) String code,
            @Schema(description = "Chinese name", maxLength = UnitNames.MAX_LENGTH) String name, UnitKind kind) {
    }

    @Schema(name = "UnitMapReplaced")
    public record Replaced(UUID unitId, @Schema(description = "Outlines stored") int outlines,
            @Schema(description = "Codes of the units under it that have no outline now (the first " + GeoJson.MOST_FEATURES + ")",
                    maxItems = GeoJson.MOST_FEATURES) List<@Size(max = UnitView.CODE_MAX) String> without) {
    }

    @GET
    @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "A unit's map: the outlines of the units directly under it",
            description = "A county's townships (or a township's villages) as its office uploaded them, for the dashboard's "
                    + "map; units without an outline are left out, and a unit nobody uploaded a map for has an empty one.")
    @APIResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = GEO_JSON, schema = @Schema(implementation = MapView.class)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MapView.class))})
    public MapView getUnitMap(@PathParam("id") UUID id) {
        return new MapView("FeatureCollection", service.map(id).stream().map(o -> new FeatureView("Feature", o.unit().code(),
                new UnitProperties(o.unit().id(), o.unit().code(), o.unit().nameZh(), o.unit().kind()), o.geometry())).toList());
    }

    @PUT
    @Consumes({GEO_JSON, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a unit's map",
            description = "A GeoJSON FeatureCollection of Polygon or MultiPolygon features (WGS 84 longitude and latitude, "
                    + "as the national administrative-division datasets give them), each naming one of the units directly "
                    + "under this one in `properties`: by `code` or `adcode` (the unit's code), else by `name` (its Chinese "
                    + "name). The map is replaced as a whole: units left out have no outline afterwards. All or nothing: "
                    + "every mistake is reported with its place in the file (`features[3].geometry.coordinates[0]`), and "
                    + "nothing is stored.")
    @RequestBody(content = @Content(mediaType = GEO_JSON, schema = @Schema(implementation = MapView.class)))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Replaced.class)))
    @APIResponse(responseCode = "400", description = "Not GeoJSON of that shape, or a feature names no unit directly under this one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Replaced replaceUnitMap(@PathParam("id") UUID id, byte[] body) {
        BoundaryService.Replaced replaced = service.replace(id, body);
        return new Replaced(replaced.unit().id(), replaced.outlines(), replaced.without());
    }
}
