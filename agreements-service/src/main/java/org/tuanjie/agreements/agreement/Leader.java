package org.tuanjie.agreements.agreement;

import java.util.Objects;
import java.util.UUID;

/**
 * A unit's principal leader (一把手) as units-service names them: the id of their people record there and their name.
 * Two leaders are the same person's period when their ids are equal; a corrected spelling of the name is not a new
 * leader.
 */
public record Leader(UUID personId, String name) {

    /** A person's name, as units-service bounds it. */
    public static final int NAME_MAX = 100;

    public Leader {
        Objects.requireNonNull(personId, "a leader is a people record of units-service");
    }

    public boolean samePersonAs(Leader other) {
        return other != null && personId.equals(other.personId);
    }
}
