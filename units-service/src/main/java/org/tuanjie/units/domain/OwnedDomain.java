package org.tuanjie.units.domain;

import org.tuanjie.units.unit.Unit;

/** A domain with the unit that owns it: who reads a domain depends on where its owner sits. */
public record OwnedDomain(CampaignDomain domain, Unit owner) {
}
