package org.tuanjie.units.scorecard;

import org.tuanjie.units.unit.Unit;

/** A unit being scored, with the office whose catalogue it is scored against: who may review depends on both. */
public record ScoredUnit(Unit unit, Unit catalogueOwner) {
}
