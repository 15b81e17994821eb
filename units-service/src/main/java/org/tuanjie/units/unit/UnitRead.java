package org.tuanjie.units.unit;

import java.util.Set;
import java.util.function.Supplier;

/**
 * A unit asked for by a read that may cross subtrees (the unit itself, its readiness), with the codes of
 * the units that lead a "9+N进" domain it is a member of. Those are looked up only when asked for: most
 * reads are decided by the reach alone.
 */
public final class UnitRead {

    private final Unit unit;
    private final Supplier<Set<String>> domainLeads;
    private Set<String> knownLeads;

    public UnitRead(Unit unit, Supplier<Set<String>> domainLeads) {
        this.unit = unit;
        this.domainLeads = domainLeads;
    }

    public Unit unit() {
        return unit;
    }

    /** Codes of the lead units (牵头单位) of the domains this unit is a member of, within each domain's jurisdiction. */
    public Set<String> domainLeads() {
        if (knownLeads == null) {
            knownLeads = Set.copyOf(domainLeads.get());
        }
        return knownLeads;
    }
}
