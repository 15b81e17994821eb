package org.tuanjie.agreements.agreement;

/**
 * A step of an agreement its audit trail just recorded (issued, signed, countersigned, assessed, revoked, amended, its
 * leader changed or restored), told in the step's transaction to whatever keeps state from it.
 */
public record AgreementRecorded(String action, Agreement agreement) {
}
