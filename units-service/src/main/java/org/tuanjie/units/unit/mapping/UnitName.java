package org.tuanjie.units.unit.mapping;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.units.unit.UnitNames;

/**
 * What the contract shows as a value of {@code names} (a unit's or a domain's name in one language), named by
 * {@code @Schema(additionalProperties = UnitName.class)}. {@link UnitNames} enforces it, naming the field
 * {@code names.<tag>} of a valid tag; a validation annotation on the map's values would name the field by the
 * raw key instead, however long the key sent.
 */
@Schema(type = SchemaType.STRING, maxLength = UnitNames.MAX_LENGTH)
public final class UnitName {

    private UnitName() {
    }
}
