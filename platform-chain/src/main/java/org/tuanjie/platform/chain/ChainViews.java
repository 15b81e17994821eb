package org.tuanjie.platform.chain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.seal.SealKeys;

/** A chain's checkpoints as the API shows them and takes them back for checking. */
public final class ChainViews {

    private ChainViews() {
    }

    @Schema(name = "ChainCheckpoint", description = "The chain's length and head hash at a moment, sealed. Keep it: a later "
            + "chain that does not hold `headHash` at `seq` was rewritten, one shorter than `seq` was cut.")
    public record CheckpointView(
            @NotNull @Min(1) @Schema(description = "The chain's last seq then", example = "10000") Long seq,
            @NotBlank @Pattern(regexp = "[0-9a-f]{64}") @Schema(description = "That link's hash (SHA-256, hex)", maxLength = 64) String headHash,
            @NotNull @Schema(description = "When the checkpoint was made; the seal's time") OffsetDateTime madeAt,
            @NotBlank @Size(max = SealKeys.KEY_ID_MAX) @Schema(description = "The sealing key (GET /seal/public-keys)") String keyId,
            @NotBlank @Size(max = SealKeys.SEAL_LENGTH) @Schema(description = "Base64 seal over sealedPayload") String seal,
            @Schema(description = "The exact text sealed (RFC 8785): chain, seq, headHash, madeAt; ignored when sent",
                    readOnly = true, maxLength = 200) String sealedPayload,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = SealKeys.KEY_ID_MAX) @Schema(description = "The co-sealing "
                    + "key, when the suite seals with two algorithms (GET /seal/public-keys); absent otherwise") String coKeyId,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = SealKeys.SEAL_LENGTH) @Schema(description = "Base64 "
                    + "co-seal over sealedPayload, made with the other algorithm's key; absent otherwise") String coSeal) {

        public static CheckpointView of(HashChain.Checkpoint c) {
            return new CheckpointView(c.seq(), c.headHash(), c.madeAt(), c.keyId(), c.seal(), c.sealedPayload(), c.coKeyId(),
                    c.coSeal());
        }

        /** The checkpoint held, for the chain named. */
        public HashChain.Checkpoint held(HashChain chain) {
            return new HashChain.Checkpoint(chain.name(), seq, headHash, madeAt, keyId, seal, coKeyId, coSeal);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ChainCheckpointCheck")
    public record CheckView(
            @Schema(description = "The seal holds and the chain still holds the checkpoint's head at its seq") boolean valid,
            @Schema(description = "The checkpoint's own seal (and its co-seal, if it has one): VALID, UNKNOWN_KEY, "
                    + "OUTSIDE_KEY_PERIOD or SIGNATURE_INVALID") SealKeys.Check seal,
            @Schema(description = "The chain's last seq now") Long chainLength,
            @Schema(description = "The hash the chain holds at the checkpoint's seq now", maxLength = 64) String headHashNow,
            @Schema(description = "Why not: seal-invalid; truncated (the chain no longer reaches the seq); history-rewritten "
                    + "(another hash there: rows up to it were changed and re-hashed); entry-altered (that link's row no "
                    + "longer gives its hash)", enumeration = {HashChain.Check.SEAL_INVALID, HashChain.Check.TRUNCATED,
                            HashChain.Check.HISTORY_REWRITTEN, HashChain.Check.ENTRY_ALTERED}) String reason) {

        public static CheckView of(HashChain.Check check) {
            return new CheckView(check.valid(), check.seal(), check.chainLength(), check.headHashNow(), check.reason());
        }
    }
}
