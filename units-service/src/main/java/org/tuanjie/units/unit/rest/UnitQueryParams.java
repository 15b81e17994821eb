package org.tuanjie.units.unit.rest;

import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

final class UnitQueryParams {

    private UnitQueryParams() {
    }

    static Problems.InvalidInput invalid(String parameter) {
        return new Problems.InvalidInput(new Violation(parameter, "query.invalid"));
    }
}
