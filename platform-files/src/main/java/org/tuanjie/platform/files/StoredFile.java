package org.tuanjie.platform.files;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What is known of a stored file. Its bytes are in the blob store under {@link #key()}.
 *
 * @param declaredSize the length announced when the upload began; a stored file has exactly these bytes
 * @param received     bytes staged so far (a resumable upload's offset)
 * @param capture      when and where a photo was taken, from its EXIF; null when the file says nothing
 * @param owner        the record the file is evidence or an attachment of; null until a record takes it
 */
public record StoredFile(UUID id, String name, long declaredSize, long received, State state, String store,
        FileType type, String sha256, String uploadedBy, String uploaderUnit, Instant createdAt, Instant storedAt,
        Instant expiresAt, Capture capture, boolean thumbnail, Owner owner, Instant attachedAt, Instant frozenAt) {

    @Schema(name = "FileState")
    public enum State { UPLOADING, STORED }

    /** A record that files belong to: a kind the owning service names ({@code task}, {@code activity}) and its id. */
    public record Owner(String kind, String id) {
        public static Owner of(String kind, Object id) {
            return new Owner(kind, id.toString());
        }
    }

    public String key() {
        return id.toString();
    }

    public String thumbnailKey() {
        return id + ".thumb";
    }

    public boolean stored() {
        return state == State.STORED;
    }

    public boolean frozen() {
        return frozenAt != null;
    }

    public boolean attached() {
        return owner != null;
    }

    /** The strong validator of its bytes: they never change under one id. */
    public String etag() {
        return "\"" + sha256 + "\"";
    }
}
