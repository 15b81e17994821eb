package org.tuanjie.units.history.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.chain.ChainSegment;
import org.tuanjie.platform.problem.BundlePeriods;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.platform.seal.SealKeys;
import org.tuanjie.platform.seal.SealedZip;
import org.tuanjie.platform.web.Attachment;
import org.tuanjie.units.history.service.UnitHistoryChain;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.service.UnitService;

/**
 * The units' part of an auditor's evidence bundle: the history chain's segment for a period with its checkpoints,
 * sealed. tasks-service asks for it with the auditor's own token and joins it to the bundle.
 */
@Guarded
@Path("/history/bundle.zip")
@Tag(name = "History chain")
public class HistoryBundleResource {

    static final String ZIP = "application/zip";
    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    @Inject
    UnitService units;

    @Inject
    UnitHistoryChain history;

    @Inject
    SealKeys keys;

    @Inject
    Caller caller;

    private final ObjectMapper json;

    @Inject
    HistoryBundleResource(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @GET
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The units' history chain of a unit and a period, in one sealed ZIP",
            description = "`history/checkpoints.json`, the chain's checkpoints that anchor the period (the last one made "
                    + "before it began and every one since), and `history/chain.jsonl`, the chain from the first of them "
                    + "to its head: the closings and reopenings of units of the unit's subtree in full (their hashes "
                    + "recomputable), anyone else's as position and links only; the suite's public keys, and "
                    + "manifest.json with every file's digest, sealed. tasks-service's evidence bundles carry it; "
                    + "`java -jar bundle-verifier.jar` checks it offline.")
    @APIResponse(responseCode = "200", description = "The ZIP",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response getHistoryBundle(
            @QueryParam("unitId") @NotNull @Parameter(description = "The unit whose subtree the bundle covers") UUID unitId,
            @QueryParam("from") @NotNull @Parameter(description = "First day of the bundle's period", example = "2026-01-01") LocalDate from,
            @QueryParam("to") @NotNull @Parameter(description = "Last day of the bundle's period", example = "2026-12-31") LocalDate to) {
        BundlePeriods.check(from, to);
        Unit unit = units.unit(unitId);
        ChainSegment segment = ChainSegment.of(history.chain(), from.atStartOfDay(COUNTY).toInstant());
        String builtFor = caller.subject();
        StreamingOutput body = out -> {
            try (SealedZip zip = new SealedZip(out, keys)) {
                zip.add("README.txt", readme(unit, from, to).getBytes(StandardCharsets.UTF_8));
                segment.write(zip, "history/", unit.unitPath().text(), json);
                Map<String, Object> about = new LinkedHashMap<>();
                about.put("unit", Map.of("id", unit.id().toString(), "code", unit.code(), "name", unit.nameZh()));
                about.put("period", Map.of("from", from.toString(), "to", to.toString()));
                about.put("builtFor", builtFor);
                zip.seal(about, Instant.now());
            }
        };
        String name = "单位沿革证据包_" + Attachment.namePart(unit.nameZh()) + "_" + from + "_" + to + ".zip";
        return Response.ok(body).type(ZIP)
                .header("Content-Disposition", Attachment.disposition("history-" + unit.code() + ".zip", name))
                .header("Cache-Control", "private, no-store").build();
    }

    private static String readme(Unit unit, LocalDate from, LocalDate to) {
        return """
                单位沿革证据包 / Units' history bundle
                单位 Unit: %s (%s)
                期间 Period: %s – %s

                history/checkpoints.json: 单位沿革（撤销、恢复）哈希链的签章检查点；history/chain.jsonl: 自期间开始前最后一个检查点起的链片段
                （本单位及下级单位的记录完整给出，可重算哈希；其他单位的记录只给出序号和哈希链接）。
                离线核验：java -jar bundle-verifier.jar 本文件.zip [--public-keys 公布的公钥.json]

                history/checkpoints.json holds the sealed checkpoints of the units' history chain (closings and
                reopenings); history/chain.jsonl the chain from the last checkpoint before the period (this subtree's
                entries in full, their hashes recomputable; anyone else's as position and links only), which every
                checkpoint must match. To check offline: java -jar bundle-verifier.jar this.zip [--public-keys keys.json]
                """.formatted(unit.nameZh(), unit.code(), from, to);
    }
}
