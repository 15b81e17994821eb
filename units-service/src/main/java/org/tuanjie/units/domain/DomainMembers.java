package org.tuanjie.units.domain;

/**
 * The whole membership of a domain, across subtrees (read-only): every member inside the owner's
 * jurisdiction, wherever the reader sits.
 *
 * @param leadUnitCode the code of the domain's lead unit (牵头单位), null when none is appointed
 */
public record DomainMembers(CampaignDomain domain, String leadUnitCode) {
}
