package org.tuanjie.units.indicators;

import org.tuanjie.units.unit.Unit;

/** A catalogue with the office that owns it: who reads and who changes it depends on where the owner sits. */
public record OwnedCatalogue(IndicatorCatalogue catalogue, Unit owner) {
}
