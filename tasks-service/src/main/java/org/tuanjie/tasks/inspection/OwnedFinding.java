package org.tuanjie.tasks.inspection;

/**
 * A finding with the path of the office that owns its inspection: what deciding who sees it needs.
 */
public record OwnedFinding(Finding finding, String ownerPath) {
}
