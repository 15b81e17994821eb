package org.tuanjie.units.domain;

import org.tuanjie.units.unit.Unit;

/** The unit (a region) whose "9+N进" domains are asked for. */
public record DomainOwner(Unit unit) {
}
