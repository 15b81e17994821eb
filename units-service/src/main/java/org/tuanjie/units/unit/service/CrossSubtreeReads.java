package org.tuanjie.units.unit.service;

import java.util.Set;
import org.tuanjie.units.unit.Unit;

/**
 * Facts of another capability that let a unit be read outside the reader's subtree (a campaign domain's lead
 * unit reads its member units). The access policy decides what they grant, and grants reads only.
 */
public interface CrossSubtreeReads {

    /** Codes of the units that lead a "9+N进" domain {@code unit} is a member of, within that domain's jurisdiction. */
    Set<String> domainLeadsOf(Unit unit);
}
