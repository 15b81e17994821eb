package org.tuanjie.units.unit;

import java.util.UUID;
import org.tuanjie.platform.problem.Messages;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

/**
 * Facts that stop a change to the unit hierarchy.
 */
public final class UnitExceptions {

    private UnitExceptions() {
    }

    public static final class UnitCodeTaken extends Problems.Conflict {
        public UnitCodeTaken(String code) {
            super("unit-code-taken", "unit.code-taken", code);
        }
    }

    public static final class UnitAlreadyClosed extends Problems.Conflict {
        public UnitAlreadyClosed(String code) {
            super("unit-closed", "unit.closed", code);
        }
    }

    public static final class UnitNotClosed extends Problems.Conflict {
        public UnitNotClosed(String code) {
            super("unit-not-closed", "unit.not-closed", code);
        }
    }

    public static final class UnitHasOpenChildren extends Problems.Conflict {
        public UnitHasOpenChildren(String code, long openChildren) {
            super("unit-has-open-children", "unit.open-children", code, openChildren);
        }
    }

    public static final class PlacementNotAllowed extends Problems.Unprocessable {
        public PlacementNotAllowed(UnitKind kind, UnitKind parentKind) {
            super("placement-not-allowed", "unit.placement", kind,
                    parentKind == null ? new Messages.Word("unit.placement.no-parent", "-") : parentKind);
        }
    }

    public static final class MoveWouldCreateCycle extends Problems.Unprocessable {
        public MoveWouldCreateCycle(String code) {
            super("move-creates-cycle", "unit.cycle", code);
        }
    }

    static InvalidUnitCode codeOutsideParent(String code, String parentCode) {
        return new InvalidUnitCode("code.division.parent", code, parentCode);
    }

    static InvalidUnitCode codeNotOfKind(UnitKind kind) {
        return new InvalidUnitCode("code.kind", kind);
    }

    public static Problems.InvalidInput invalid(String field, String key, Object... args) {
        return new Problems.InvalidInput(new Violation(field, key, args));
    }

    public static UUID requireId(UUID id, String field) {
        if (id == null) {
            throw invalid(field, "field.required");
        }
        return id;
    }
}
