package org.tuanjie.units.unit;

import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

/**
 * A unit code that cannot exist: wrong length, alphabet, check character or division prefix.
 */
public class InvalidUnitCode extends Problems.InvalidInput {

    private final String reasonKey;

    public InvalidUnitCode(String reasonKey, Object... args) {
        super(new Violation("code", reasonKey, args));
        this.reasonKey = reasonKey;
    }

    public String reasonKey() {
        return reasonKey;
    }
}
