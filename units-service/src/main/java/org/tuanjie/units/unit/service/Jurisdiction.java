package org.tuanjie.units.unit.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.units.unit.LevelAboveRule;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitExceptions.OwnRootUnit;
import org.tuanjie.units.unit.UnitExceptions.UnitNotFound;
import org.tuanjie.units.unit.UnitRepository;

/**
 * The caller's reach: the subtree under the unit named by the token's {@code unit_code}. A unit
 * outside it does not exist for this caller (404, exactly like a missing one); a token without a
 * known unit reaches nothing.
 */
@RequestScoped
public class Jurisdiction {

    /** A path no unit has: matches nothing. */
    static final String NOWHERE = "/-/";

    @Inject
    Caller caller;

    @Inject
    UnitRepository units;

    @Inject
    RootPaths rootPaths;

    @Inject
    Instance<CrossSubtreeReads> crossSubtreeReads;

    private String rootPath;

    /** Path prefix of the caller's subtree. */
    public String rootPath() {
        if (rootPath == null) {
            rootPath = caller.unitCode().map(code -> rootPaths.pathOf(code, () -> units.findByCode(code).map(Unit::path)))
                    .orElse(NOWHERE);
        }
        return rootPath;
    }

    public Optional<String> rootCode() {
        return caller.unitCode();
    }

    public boolean covers(Unit unit) {
        return unit.isWithin(rootPath());
    }

    /** @throws UnitNotFound when missing or outside the caller's subtree */
    public Unit visible(UUID id) {
        return units.findByIdOptional(id).filter(this::covers).orElseThrow(() -> new UnitNotFound(id));
    }

    /**
     * A unit the caller may close, move, rename or reopen: one below their own root ({@link LevelAboveRule}).
     *
     * @throws UnitNotFound when missing or outside the caller's subtree
     * @throws OwnRootUnit for the caller's own root
     */
    public Unit belowRoot(UUID id) {
        return LevelAboveRule.requireLevelAbove(units.findByIdOptional(id).orElseThrow(() -> new UnitNotFound(id)),
                rootPath());
    }

    /**
     * A unit the caller may read: inside their subtree, or outside it where a {@link CrossSubtreeReads} rule
     * grants it. Never for a write.
     *
     * @throws UnitNotFound when missing, or outside the subtree and granted by no rule
     */
    public Unit readable(UUID id) {
        return units.findByIdOptional(id)
                .filter(unit -> covers(unit) || crossSubtreeReads.stream().anyMatch(rule -> rule.grants(unit)))
                .orElseThrow(() -> new UnitNotFound(id));
    }

    public Optional<Unit> visibleByCode(String code) {
        return units.findByCode(code).filter(this::covers);
    }
}
