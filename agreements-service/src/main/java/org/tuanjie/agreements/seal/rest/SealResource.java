package org.tuanjie.agreements.seal.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.seal.SealKeys;

@Path("/seal")
@Tag(name = "Seal", description = "The public halves of the service's sealing keys, with the periods they sealed in, for anyone to "
        + "verify seals offline")
@Produces(MediaType.APPLICATION_JSON)
public class SealResource {

    @Inject
    SealKeys keys;

    @GET
    @Path("public-key")
    @PermitAll
    @Operation(summary = "The public key sealing now (no token needed)",
            description = "Seals made before a key rotation name an earlier key: `GET /seal/public-keys` lists them all.")
    public PublicKeyView getSealPublicKey() {
        return PublicKeyView.of(keys.current());
    }

    @GET
    @Path("public-keys")
    @PermitAll
    @Operation(summary = "Every sealing key's public half, with the period it sealed in (no token needed)",
            description = "Oldest first. A seal is valid when the key its signature names (`keyId`) made it and the "
                    + "signature's time (`signedAt`) lies within that key's period, from `validFrom` (none: from the "
                    + "beginning) until `validUntil` (none: until further notice).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = PublicKeyView.class, maxItems = SealKeys.MOST_KEYS)))
    public List<PublicKeyView> listSealPublicKeys() {
        return keys.all().stream().map(PublicKeyView::of).toList();
    }

    @Schema(name = "SealPublicKey")
    public record PublicKeyView(@Schema(example = "Ed25519", enumeration = {"Ed25519", "SM2"}, description = "Ed25519 (RFC 8032), or SM2 with SM3 "
                    + "(GB/T 32918.2, distinguishing identifier 1234567812345678)") String algorithm,
            @Schema(maxLength = SealKeys.KEY_ID_MAX) String keyId,
            @Schema(description = "X.509 SubjectPublicKeyInfo in PEM", maxLength = SealKeys.PEM_MAX) String pem,
            @Schema(description = "From when the key seals; none: from the beginning") Instant validFrom,
            @Schema(description = "Until when the key seals (exclusive); none: until further notice") Instant validUntil) {

        static PublicKeyView of(SealKeys.SealKey key) {
            return new PublicKeyView(key.algorithm().label(), key.keyId(), key.publicKeyPem(), key.validFrom(), key.validUntil());
        }
    }
}
