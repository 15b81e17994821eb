package org.tuanjie.units.unit;

/** A unit created (or imported) without a parent: the root of the jurisdiction whose code it has. */
public record RootClaim(String code) {
}
