package org.tuanjie.agreements.inbox.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.agreement.AgreementRecorded;
import org.tuanjie.agreements.agreement.AgreementState;
import org.tuanjie.agreements.inbox.InboxKind;
import org.tuanjie.platform.inbox.Audience;
import org.tuanjie.platform.inbox.InboxStore;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.platform.security.Roles;
import org.tuanjie.unitsclient.Jurisdiction;

/**
 * Keeps the inbox in step with each agreement: after every step its audit trail records, what the agreement now waits
 * for (a signature from party B's principal leader, or the issuing office's countersignature) is open, and whatever it
 * no longer waits for is resolved, in the step's transaction.
 */
@ApplicationScoped
public class AgreementInbox {

    @Inject
    InboxStore inbox;

    @Inject
    Caller caller;

    @Inject
    Jurisdiction jurisdiction;

    void recorded(@Observes AgreementRecorded step) {
        Agreement agreement = step.agreement();
        Set<InboxKind> waits = waitsFor(agreement);
        Set<String> open = inbox.open(agreement.id());
        Set<String> answered = new java.util.TreeSet<>(open);
        waits.forEach(kind -> answered.remove(kind.name()));
        if (!answered.isEmpty()) {
            inbox.resolve(agreement.id(), answered);
        }
        for (InboxKind kind : waits) {
            if (!open.contains(kind.name())) {
                inbox.open(kind.name(), agreement.id(), kind.audience() == Audience.UNIT ? agreement.unitPath()
                        : agreement.issuerPath(), kind.audience(), detail(agreement));
            }
        }
    }

    /** What the agreement waits for in its state: a rule of the agreement's life, not of who reads it. */
    static Set<InboxKind> waitsFor(Agreement agreement) {
        Set<InboxKind> waits = EnumSet.noneOf(InboxKind.class);
        if (agreement.state() == AgreementState.ISSUED || agreement.awaitsResigning()) {
            waits.add(InboxKind.TO_SIGN);
        }
        if (agreement.state() == AgreementState.SIGNED) {
            waits.add(InboxKind.TO_COUNTERSIGN);
        }
        return waits;
    }

    private static Map<String, Object> detail(Agreement agreement) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("title", agreement.content().path("title").asText(null));
        detail.put("year", agreement.year());
        detail.put("versionNo", agreement.versionNo());
        detail.put("unitCode", agreement.unitCode());
        detail.put("unitName", agreement.unitName());
        detail.put("resigning", agreement.awaitsResigning());
        detail.values().removeIf(Objects::isNull);
        return detail;
    }

    /** What was written, resolved or marked read in the caller's inbox since the cursor. */
    public InboxStore.Batch read(Cursor after, int limit) {
        return inbox.since(reader(), after, limit);
    }

    /** Marks an item of the caller's inbox read, for the caller; marking it again changes nothing. */
    public void markRead(UUID id) {
        inbox.markRead(id, reader());
    }

    /** Party B's principal leader signs, the issuing office's admins countersign: they are whom items wait on. */
    private InboxStore.Reader reader() {
        return InboxStore.Reader.of(jurisdiction.rootPath(), caller, Set.of(Roles.UNIT_LEADER), Set.of(Roles.ADMIN));
    }
}
