package org.tuanjie.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The floor under units-service's GET /units/{id}: the same row read with plain JDBC and written as JSON, with no
 * token, policy, scope, ETag, problem handling or ORM. What ours costs above this is what all of those cost.
 */
@Path("/units")
public class UnitRow {

    private static final String SELECT = "select id, code, kind, parent_id, path, names, closed_on, close_reason,"
            + " created_at, created_by, updated_at, updated_by from unit where id = ?";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Unit unit(@PathParam("id") UUID id) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException();
                }
                LocalDate closedOn = row.getObject("closed_on", LocalDate.class);
                return new Unit(row.getObject("id", UUID.class), row.getString("code"), row.getString("kind"),
                        row.getObject("parent_id", UUID.class), codes(row.getString("path")),
                        json.readTree(row.getString("names")), closedOn == null ? "OPEN" : "CLOSED", closedOn,
                        row.getString("close_reason"), row.getObject("created_at", OffsetDateTime.class),
                        row.getString("created_by"), row.getObject("updated_at", OffsetDateTime.class),
                        row.getString("updated_by"));
            }
        }
    }

    private static List<String> codes(String path) {
        return Arrays.stream(path.split("/")).filter(code -> !code.isEmpty()).toList();
    }

    public record Unit(UUID id, String code, String kind, UUID parentId, List<String> path, JsonNode names, String status,
            LocalDate closedOn, String closeReason, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
            String updatedBy) {
    }
}
