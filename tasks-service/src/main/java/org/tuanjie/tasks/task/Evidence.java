package org.tuanjie.tasks.task;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A file offered as proof of rectification, named on the timeline by its id and SHA-256 so that
 * what was submitted and what was signed off can be checked against the bytes later.
 */
public record Evidence(UUID fileId, String sha256) {

    /** One file as {@link #listed} writes it, with its separator: 36 for the id, {@code " sha256:"}, 64 hex, {@code ", "}. */
    static final int LISTED_LENGTH = 36 + 8 + 64 + 2;

    /** How the timeline writes a set of evidence: {@code <id> sha256:<hex>}, comma-separated. */
    static String listed(List<Evidence> evidence) {
        return evidence.stream().map(e -> e.fileId() + " sha256:" + e.sha256()).collect(Collectors.joining(", "));
    }
}
