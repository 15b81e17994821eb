package org.tuanjie.agreements.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.inbox.Audience;

/** What an agreement waits for, and from whom. */
@Schema(name = "AgreementInboxKind", description = "TO_SIGN: for party B's principal leader (also after a change of "
        + "leader, `detail.resigning`); TO_COUNTERSIGN: for the issuing office's admins")
public enum InboxKind {
    /** Issued, or its signing leader replaced: the unit's principal leader signs. */
    TO_SIGN(Audience.UNIT),
    /** Signed by party B: the issuing office countersigns. */
    TO_COUNTERSIGN(Audience.OFFICE);

    private final Audience audience;

    InboxKind(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }
}
