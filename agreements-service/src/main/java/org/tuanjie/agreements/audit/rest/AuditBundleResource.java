package org.tuanjie.agreements.audit.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.agreements.agreement.mapping.AgreementViews;
import org.tuanjie.agreements.audit.AuditCheckpoint;
import org.tuanjie.agreements.audit.AuditEntry;
import org.tuanjie.agreements.audit.service.AuditBundles;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.seal.ChainLine;
import org.tuanjie.platform.seal.SealKeys;
import org.tuanjie.platform.seal.SealedZip;
import org.tuanjie.platform.web.Attachment;

@Guarded
@Path("/audit/bundle.zip")
@Tag(name = "Audit trail")
public class AuditBundleResource {

    static final String ZIP = "application/zip";
    private static final int BATCH = 100;

    @Inject
    AuditBundles bundles;

    @Inject
    SealKeys keys;

    @Inject
    Caller caller;

    private final ObjectMapper json;

    @Inject
    AuditBundleResource(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @GET
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The agreements' evidence of a unit and a period, in one sealed ZIP",
            description = "For every agreement of the unit's subtree whose campaign year the period touches: "
                    + "`agreements/<id>/agreement.json`, `canonical-content.json` (the exact bytes its content hash is "
                    + "taken of), `signatures.json` (each with its seal and the exact text sealed) and `audit.json` (its "
                    + "entries of the audit chain); `audit/checkpoints.json`, the chain's checkpoints since the period "
                    + "began; the suite's public keys, and manifest.json with every file's SHA-256, sealed. Written as it "
                    + "is read; `java -jar bundle-verifier.jar` checks the manifest, its seal and every seal inside.")
    @APIResponse(responseCode = "200", description = "The ZIP",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response getAuditBundle(
            @QueryParam("unitId") @NotNull @Parameter(description = "The unit whose subtree the bundle covers") UUID unitId,
            @QueryParam("from") @NotNull @Parameter(description = "First day of the period", example = "2026-01-01") LocalDate from,
            @QueryParam("to") @NotNull @Parameter(description = "Last day of the period", example = "2026-12-31") LocalDate to) {
        AuditBundles.Selection selection = bundles.select(unitId, from, to);
        String builtFor = caller.subject();
        StreamingOutput body = out -> {
            try (SealedZip zip = new SealedZip(out, keys)) {
                zip.add("README.txt", readme(selection).getBytes(StandardCharsets.UTF_8));
                List<UUID> ids = selection.agreementIds();
                for (int i = 0; i < ids.size(); i += BATCH) {
                    for (AuditBundles.Proven proven : bundles.load(ids.subList(i, Math.min(ids.size(), i + BATCH)), selection)) {
                        write(zip, proven);
                    }
                }
                zip.add("audit/checkpoints.json", checkpoints -> {
                    // the entry's stream ignores close: the generator flushes into it and the ZIP goes on
                    try (com.fasterxml.jackson.core.JsonGenerator array = json.createGenerator(checkpoints)) {
                        array.writeStartArray();
                        bundles.checkpoints(selection, page -> {
                            for (AuditCheckpoint checkpoint : page) {
                                array.writeObject(AuditCheckpointResource.CheckpointView.of(checkpoint));
                            }
                        });
                        array.writeEndArray();
                    }
                });
                String within = selection.unit().pathText();
                zip.add("audit/chain.jsonl", chain -> bundles.chain(selection, entries -> {
                    for (AuditEntry entry : entries) {
                        ObjectNode line = entry.hashedFields().put("hash", entry.hash());
                        chain.write(ChainLine.of(line, entry.unitPath() != null && entry.unitPath().startsWith(within)));
                    }
                }));
                Map<String, Object> about = new LinkedHashMap<>();
                about.put("unit", Map.of("id", selection.unit().id().toString(), "code", selection.unit().code(),
                        "name", selection.unit().name()));
                about.put("period", Map.of("from", selection.from().toString(), "to", selection.to().toString()));
                about.put("agreements", ids.size());
                about.put("builtFor", builtFor);
                zip.seal(about, Instant.now());
            }
        };
        String name = "责任书证据包_" + Attachment.namePart(selection.unit().name()) + "_" + from + "_" + to + ".zip";
        return Response.ok(body).type(ZIP)
                .header("Content-Disposition", Attachment.disposition("agreements-" + selection.unit().code() + ".zip", name))
                .header("Cache-Control", "private, no-store").build();
    }

    private void write(SealedZip zip, AuditBundles.Proven proven) throws IOException {
        String at = "agreements/" + proven.agreement().id() + "/";
        zip.add(at + "agreement.json", json.writeValueAsBytes(AgreementViews.toView(proven.agreement())));
        zip.add(at + "canonical-content.json",
                CanonicalJson.of(proven.agreement().content()).getBytes(StandardCharsets.UTF_8));
        zip.add(at + "signatures.json", json.writeValueAsBytes(proven.signatures().stream().map(AgreementViews::toView).toList()));
        zip.add(at + "audit.json", json.writeValueAsBytes(proven.entries().stream().map(AuditResource::toView).toList()));
    }

    private static String readme(AuditBundles.Selection selection) {
        return """
                责任书证据包 / Agreements' evidence bundle
                单位 Unit: %s (%s)
                期间 Period: %s – %s

                agreements/<id>/: 责任书、其规范化内容（内容哈希即此文件的 SHA-256）、签名及签章、审计链记录。
                audit/checkpoints.json: 审计链的签章检查点；audit/chain.jsonl: 自期间开始前最后一个检查点起的审计链片段
                （本单位及下级单位的记录完整给出，可重算哈希；其他单位的记录只给出序号和哈希链接）。manifest.json 及其签章 manifest.seal.json 覆盖包内每个文件。
                离线核验：java -jar bundle-verifier.jar 本文件.zip [--public-keys 公布的公钥.json]

                agreements/<id>/ holds each agreement, its canonical content (its content hash is this file's SHA-256),
                its signatures with their seals and the exact text sealed, and its entries of the audit chain;
                audit/checkpoints.json the chain's sealed checkpoints; audit/chain.jsonl the chain from the last checkpoint
                before the period (entries of this subtree in full, their hashes recomputable; anyone else's as position
                and links only), which every checkpoint must match. manifest.json, sealed in manifest.seal.json,
                covers every file. To check offline: java -jar bundle-verifier.jar this.zip [--public-keys keys.json]
                """.formatted(selection.unit().name(), selection.unit().code(), selection.from(), selection.to());
    }
}
