package org.tuanjie.unitsclient.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of units-service's contract this service uses. Calls carry the caller's own token, so
 * units-service applies the caller's jurisdiction itself.
 */
@RegisterRestClient(configKey = "units")
@Produces(MediaType.APPLICATION_JSON)
public interface UnitsClient {

    @GET
    @Path("/units/by-code/{code}")
    UnitRef byCode(@HeaderParam("Authorization") String authorization, @PathParam("code") String code);

    @GET
    @Path("/units/{id}")
    UnitRef byId(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @GET
    @Path("/units/{id}/ancestors")
    List<UnitRef> ancestors(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @GET
    @Path("/units/{id}/subtree")
    UnitPage subtree(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
            @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/units/{id}/readiness")
    Readiness readiness(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @GET
    @Path("/units/{id}/dossier/counts")
    DossierCounts dossierCounts(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
            @QueryParam("kind") String kind, @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/units/{id}/indicators")
    UnitIndicators indicators(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
            @QueryParam("year") int year);

    @GET
    @Path("/units/{id}/scorecard")
    Scorecard scorecard(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
            @QueryParam("year") int year);

    @GET
    @Path("/units/changes")
    ChangePage changes(@HeaderParam("Authorization") String authorization, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @GET
    @Path("/domains/{id}/members")
    MemberPage members(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
            @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

    /**
     * A unit as units-service describes it; only the fields used here.
     *
     * @param principalLeader who leads it now as its people records say (一把手), null when nobody is recorded
     */
    record UnitRef(UUID id, String code, String kind, List<String> path, Map<String, String> names, String status,
            Leader principalLeader) {

        public String name() {
            return names == null ? code : names.getOrDefault("zh", code);
        }

        public String pathText() {
            return unitPath().text();
        }

        public org.tuanjie.platform.access.UnitPath unitPath() {
            return org.tuanjie.platform.access.UnitPath.of(path);
        }
    }

    /**
     * A unit's principal leader: the id of their people record in units-service (a new period of the same person is
     * a new record), their Chinese name and the first day of their period.
     */
    record Leader(UUID personId, String nameZh, LocalDate from, String accountUsername) {
    }

    record Member(UUID unitId, String code, String name) {
    }

    record UnitPage(List<UnitRef> items, String next) {
    }

    /** Units changed since a cursor, and ids of units that left the caller's jurisdiction. */
    record ChangePage(List<UnitRef> items, List<UUID> removed, String cursor, boolean more) {
    }

    /** The derived part of a unit's readiness profile. */
    record Readiness(UUID unitId, int score, boolean complete) {
    }

    record MemberPage(List<Member> items, String next) {
    }

    /** Active entries of a unit's dossier (创建档案) in a period: in all, and per kind (PUBLICITY, ..., DOCUMENT). */
    record DossierCounts(UUID unitId, long total, Map<String, Long> byKind) {
    }

    /**
     * How an evaluation indicator's code (测评指标代码) is written in units-service's contract: dotted segments of letters
     * and digits (1, 2.3, A1.2.b); letters are compared in upper case.
     */
    String INDICATOR_CODE_FORM = "[A-Za-z0-9]{1,8}(\\.[A-Za-z0-9]{1,8}){0,4}";
    int INDICATOR_CODE_MAX = 44;

    /** The indicators a unit is judged by in a year; no catalogue (null) when none is in force. */
    record UnitIndicators(UUID unitId, int year, CatalogueRef catalogue, List<IndicatorRef> indicators) {

        /** Whether the code may be named for the unit: any code when no catalogue is in force. */
        public boolean admits(String code) {
            return catalogue == null || indicators.stream().anyMatch(i -> i.code().equals(code));
        }
    }

    record CatalogueRef(UUID id, int year, int edition) {
    }

    record IndicatorRef(String code, java.math.BigDecimal points) {
    }

    /** A unit's scorecard for a year; only what is read here: each indicator's points and reviewer's score. */
    record Scorecard(UUID unitId, int year, List<ScorecardRow> indicators) {

        public Optional<ScorecardRow> row(String code) {
            return indicators == null ? Optional.empty() : indicators.stream().filter(r -> r.code().equals(code)).findFirst();
        }
    }

    /** @param reviewScore the reviewer's score (评审得分), null until one is recorded */
    record ScorecardRow(String code, java.math.BigDecimal points, java.math.BigDecimal reviewScore) {
    }
}
