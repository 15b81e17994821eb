package org.tuanjie.tasks.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/**
 * A unit as units-service described it when it was recorded here: id, code, Chinese name and the
 * path of codes from the root, enough to check jurisdiction and roll figures up locally.
 */
@Embeddable
public record UnitSnapshot(
        @Column(name = "unit_id", nullable = false) UUID id,
        @Column(name = "unit_code", nullable = false) String code,
        @Column(name = "unit_name", nullable = false) String name,
        @Column(name = "unit_path", nullable = false) String path) {
}
