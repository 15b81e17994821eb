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

    /** Unit codes: a division code (12 digits) or a unified social credit code (18 characters), {@code varchar(18)}. */
    public static final int CODE_MAX = 18;
    /** Unit names, as units-service bounds them. */
    public static final int NAME_MAX = 200;
}
