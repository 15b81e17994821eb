package org.tuanjie.platform.files;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Files a record has just taken, fired (synchronously, in the attaching transaction) so the owning service can tell
 * other platforms: it knows which unit the record belongs to. Files the record held already are not in it.
 *
 * @param owner the record that took them
 * @param added the files newly attached, as stored
 */
public record FilesAttached(StoredFile.Owner owner, List<StoredFile> added) {

    public FilesAttached {
        Objects.requireNonNull(owner, "owner");
        added = List.copyOf(added);
    }

    /** What a receiver of "file added" needs to know of a file without asking back (its bytes it fetches). */
    public static Map<String, Object> facts(StoredFile file, StoredFile.Owner owner) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("fileId", file.id().toString());
        facts.put("name", file.name());
        facts.put("mediaType", file.type() == null ? null : file.type().mediaType());
        facts.put("size", file.declaredSize());
        facts.put("sha256", file.sha256());
        facts.put("attachedTo", Map.of("kind", owner.kind(), "id", owner.id()));
        facts.put("uploadedBy", file.uploadedBy());
        if (file.capture() != null && file.capture().takenAt() != null) {
            facts.put("capturedAt", file.capture().takenAt().toString());
        }
        facts.values().removeIf(Objects::isNull);
        return facts;
    }
}
