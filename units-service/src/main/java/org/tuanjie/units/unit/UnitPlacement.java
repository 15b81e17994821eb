package org.tuanjie.units.unit;

/** Where a unit is created, imported or moved to: under this parent. */
public record UnitPlacement(Unit parent) {
}
