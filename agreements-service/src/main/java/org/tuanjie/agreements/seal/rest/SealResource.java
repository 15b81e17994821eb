package org.tuanjie.agreements.seal.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.agreements.seal.SealKeys;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/seal/public-key")
@Tag(name = "Seal", description = "The public half of the service's Ed25519 sealing key, for anyone to verify seals offline")
public class SealResource {

    @Inject
    SealKeys keys;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The sealing public key (no token needed)")
    public PublicKeyView getSealPublicKey() {
        return new PublicKeyView(SealKeys.ALGORITHM, keys.keyId(), keys.publicKeyPem());
    }

    @Schema(name = "SealPublicKey")
    public record PublicKeyView(@Schema(example = "Ed25519", enumeration = SealKeys.ALGORITHM) String algorithm,
            @Schema(maxLength = SealKeys.KEY_ID_MAX) String keyId,
            @Schema(description = "X.509 SubjectPublicKeyInfo in PEM", maxLength = SealKeys.PEM_MAX) String pem) {
    }
}
