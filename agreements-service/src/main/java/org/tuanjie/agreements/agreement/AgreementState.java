package org.tuanjie.agreements.agreement;

/**
 * {@code ISSUED → SIGNED} (by the unit's principal leader) {@code → ACTIVE} (countersigned by the
 * county) {@code → ASSESSED}; {@code REVOKED} with a reason; {@code SUPERSEDED} when an amendment
 * replaced it with a new version. Agreements are issued straight from a published template, so the
 * draft stage is the template's.
 */
public enum AgreementState {
    ISSUED, SIGNED, ACTIVE, ASSESSED, REVOKED, SUPERSEDED
}
