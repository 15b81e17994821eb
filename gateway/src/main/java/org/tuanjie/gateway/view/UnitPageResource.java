package org.tuanjie.gateway.view;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tuanjie.gateway.config.GatewayConfig;
import org.tuanjie.gateway.proxy.Downstream;
import org.tuanjie.platform.access.UnitNotFound;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.security.Roles;
import org.tuanjie.platform.web.RequestIds;

/**
 * A unit's page for the mobile app in one call: the unit, its readiness, its open tasks by warning
 * light, and its current agreement. The four parts are asked in parallel; a part whose service is
 * down or slow is left out and named in {@code degraded}, and the answer still comes within the
 * gateway's bound.
 */
@Path("/api/views/units")
@Tag(name = "Composed views", description = "Answers assembled by the gateway from several services, degrading part by part")
public class UnitPageResource {

    private static final String OPEN_STATES = "state=ASSIGNED&state=IN_PROGRESS&state=SUBMITTED&state=REJECTED&state=HANDED_BACK";

    @Inject
    Downstream downstream;

    @Inject
    GatewayConfig config;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.INSPECTOR, Roles.UNIT_LIAISON, Roles.UNIT_LEADER, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(summary = "A unit's page: unit, readiness, open tasks by warning light, current agreement")
    public Uni<RestResponse<UnitPage>> getUnitPage(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization) {
        String requestId = RequestIds.current();
        // each part gets most of the bound, so the whole answer comes within it
        Duration part = config.timeout().multipliedBy(4).dividedBy(5);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        Uni<Part> unit = part("unit", downstream.get("units", "/units/" + id, authorization, requestId, part));
        Uni<Part> readiness = part("readiness", downstream.get("units", "/units/" + id + "/readiness", authorization, requestId, part));
        Uni<Part> tasks = part("tasks", downstream.get("tasks", "/tasks?within=" + id + "&limit=500&" + OPEN_STATES,
                authorization, requestId, part));
        Uni<Part> agreement = part("agreement", downstream.get("agreements", "/agreements?unitId=" + id + "&year=" + year,
                authorization, requestId, part));
        return Uni.combine().all().unis(unit, readiness, tasks, agreement).asTuple().map(all -> {
            Part u = all.getItem1();
            if (u.status() == 404 || u.status() == 403) {
                throw new UnitNotFound(id);
            }
            List<String> degraded = new ArrayList<>();
            for (Part p : List.of(u, all.getItem2(), all.getItem3(), all.getItem4())) {
                if (p.body() == null) {
                    degraded.add(p.name());
                }
            }
            return RestResponse.ok(new UnitPage(map(u.body()), map(all.getItem2().body()), byLight(all.getItem3().body()),
                    current(all.getItem4().body()), degraded));
        });
    }

    private static Uni<Part> part(String name, Uni<Downstream.Reply> call) {
        return call.map(reply -> new Part(name, reply.status(), reply.ok() ? reply.body().toJsonObject() : null))
                .onFailure().recoverWithItem(e -> new Part(name, 0, null));
    }

    private static Map<String, Object> map(JsonObject json) {
        return json == null ? null : json.getMap();
    }

    private static Map<String, Object> byLight(JsonObject page) {
        if (page == null) {
            return null;
        }
        Map<String, Object> lights = new LinkedHashMap<>();
        Map<String, List<Object>> groups = new LinkedHashMap<>();
        for (String light : List.of("RED", "YELLOW", "GREEN")) {
            groups.put(light, new ArrayList<>());
        }
        JsonArray items = page.getJsonArray("items", new JsonArray());
        for (int i = 0; i < items.size(); i++) {
            JsonObject task = items.getJsonObject(i);
            groups.computeIfAbsent(task.getString("warning", "GREEN"), k -> new ArrayList<>()).add(task.getMap());
        }
        groups.forEach((light, list) -> lights.put(light, list));
        lights.put("counts", Map.of("RED", groups.get("RED").size(), "YELLOW", groups.get("YELLOW").size(),
                "GREEN", groups.get("GREEN").size()));
        return lights;
    }

    private static Map<String, Object> current(JsonObject page) {
        if (page == null) {
            return null;
        }
        JsonArray items = page.getJsonArray("items", new JsonArray());
        for (int i = 0; i < items.size(); i++) {
            JsonObject a = items.getJsonObject(i);
            if (!"SUPERSEDED".equals(a.getString("state")) && !"REVOKED".equals(a.getString("state"))) {
                return Map.of("id", a.getString("id"), "year", a.getInteger("year"), "state", a.getString("state"),
                        "versionNo", a.getInteger("versionNo"), "result", a.getString("result", ""));
            }
        }
        return Map.of("state", "NONE");
    }

    private record Part(String name, int status, JsonObject body) {
    }

    @Schema(name = "UnitPage", description = "A unit's page; parts whose service did not answer are null and listed in degraded")
    public record UnitPage(Map<String, Object> unit, Map<String, Object> readiness,
            @Schema(description = "Open tasks by warning light (RED, YELLOW, GREEN) and their counts") Map<String, Object> openTasks,
            @Schema(description = "This year's current agreement: id, state, version, result") Map<String, Object> agreement,
            @Schema(description = "Parts left out because their service was down or slow", example = "[\"tasks\"]") List<String> degraded) {
    }

}
