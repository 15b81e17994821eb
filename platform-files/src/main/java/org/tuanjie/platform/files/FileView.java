package org.tuanjie.platform.files;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored file as clients see it: what it is, its proof of integrity, and what a photo says of itself. */
@Schema(name = "StoredFile")
public record FileView(
        UUID id,
        @Schema(description = "The name it was uploaded with", maxLength = 255) String name,
        @Schema(description = "Decided from the bytes, not the name", example = "image/jpeg", nullable = true, maxLength = 100) String mediaType,
        @Schema(description = "Bytes", minimum = "0", maximum = "1099511627776") long size,
        @Schema(description = "Hex SHA-256 of the bytes; also the download's ETag", nullable = true, maxLength = 64, pattern = "^[0-9a-f]{64}$") String sha256,
        @Schema(description = "UPLOADING while a resumable upload is under way") StoredFile.State state,
        @Schema(description = "Bytes received so far", minimum = "0", maximum = "1099511627776") long received,
        @Schema(maxLength = 255) String uploadedBy,
        Instant uploadedAt,
        @Schema(nullable = true, description = "When and where a photo was taken, from its EXIF") CaptureView capture,
        @Schema(description = "Whether a thumbnail can be fetched") boolean thumbnail,
        @Schema(nullable = true, description = "The record the file belongs to; none while it is its uploader's alone") OwnerView attachedTo,
        @Schema(nullable = true, description = "Until then, unattached uploads are deleted") Instant expiresAt,
        @Schema(nullable = true, description = "Set when the record was settled (a verified submission): the file can no longer be deleted") Instant frozenAt) {

    public record CaptureView(@Schema(nullable = true) Instant takenAt, @Schema(nullable = true) Double latitude,
            @Schema(nullable = true) Double longitude) {
    }

    public record OwnerView(@Schema(maxLength = 32) String kind, @Schema(maxLength = 64) String id) {
    }

    public static FileView of(StoredFile f) {
        Capture c = f.capture();
        return new FileView(f.id(), f.name(), f.type() == null ? null : f.type().mediaType(),
                f.declaredSize(), f.sha256(), f.state(), f.received(), f.uploadedBy(),
                f.storedAt() == null ? f.createdAt() : f.storedAt(),
                c == null ? null : new CaptureView(c.takenAt(), c.latitude(), c.longitude()), f.thumbnail(),
                f.owner() == null ? null : new OwnerView(f.owner().kind(), f.owner().id()), f.expiresAt(), f.frozenAt());
    }
}
