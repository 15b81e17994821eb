package org.tuanjie.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tuanjie.units.dossier.DossierKind;
import org.tuanjie.units.people.AccountRole;
import org.tuanjie.units.readiness.ReadinessItem;
import org.tuanjie.units.unit.UnitKind;

/**
 * A filter or a set of enum values is bounded by how many values there are; the bound is a constant (an annotation
 * needs one), so it must follow the enum when a value is added.
 */
class EnumCountsTest {

    @Test
    void eachBoundIsTheNumberOfValues() {
        assertEquals(UnitKind.values().length, UnitKind.NUMBER_OF_KINDS);
        assertEquals(DossierKind.values().length, DossierKind.NUMBER_OF_KINDS);
        assertEquals(ReadinessItem.values().length, ReadinessItem.NUMBER_OF_ITEMS);
        assertEquals(AccountRole.values().length, AccountRole.NUMBER_OF_ROLES);
    }
}
