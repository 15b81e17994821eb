package org.tuanjie.units.people;

import java.util.UUID;

/**
 * Who the unit's principal leader and liaison are now, after a change to its people (either may be null):
 * fired inside the change's transaction, for what is derived from them (the readiness profile).
 */
public record CurrentPeople(UUID unitId, Person leader, Person liaison) {
}
