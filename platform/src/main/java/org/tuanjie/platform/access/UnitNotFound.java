package org.tuanjie.platform.access;

import org.tuanjie.platform.problem.Problems;

/** 404: no such unit, or one outside the caller's reach (the two look the same), wherever it is asked. */
public final class UnitNotFound extends Problems.NotFound {
    public UnitNotFound(Object idOrCode) {
        super("unit-not-found", "unit.not-found", String.valueOf(idOrCode));
    }
}
