package org.tuanjie.agreements.agreement;

/**
 * Party B signing {@code agreement}, while units-service names {@code leaderAccount} (the username of the unit's
 * principal leader's active account; null when the leader has none, or no leader is recorded): the access policy
 * decides whether the caller (by name) is that leader.
 */
public record PartyBSigner(Agreement agreement, String leaderAccount) {
}
