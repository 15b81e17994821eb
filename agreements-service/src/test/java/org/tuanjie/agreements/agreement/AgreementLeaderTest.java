package org.tuanjie.agreements.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tuanjie.agreements.agreement.Agreement.LeaderCheck;
import org.tuanjie.agreements.agreement.Agreement.Signing;
import org.tuanjie.agreements.agreement.AgreementExceptions.IllegalAgreementTransition;

/** How an agreement follows its unit's principal leader: flagged once per change, and only when it is in force. */
class AgreementLeaderTest {

    private static final Leader A = new Leader(UUID.randomUUID(), "扎西");
    private static final Leader B = new Leader(UUID.randomUUID(), "次仁");
    private static final Leader C = new Leader(UUID.randomUUID(), "卓玛");
    private static final OffsetDateTime MONDAY = OffsetDateTime.of(2026, 3, 2, 1, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime TUESDAY = MONDAY.plusDays(1);

    private static Agreement issued() {
        UUID id = UUID.randomUUID();
        Agreement.Party unit = new Agreement.Party(UUID.randomUUID(), "540133100001", "村A", "/540133000000/540133100001/",
                "VILLAGE", null, null);
        Agreement.Party issuer = new Agreement.Party(null, "540133000000", "540133000000", "/540133000000/", "ISSUER",
                null, null);
        return Agreement.issue(id, UUID.randomUUID(), 2026, unit, issuer, 1, null,
                JsonNodeFactory.instance.objectNode().put("agreementId", id.toString()));
    }

    private static Agreement signedBy(Leader leader) {
        Agreement agreement = issued();
        assertEquals(Signing.FIRST, agreement.markSigned(leader, "leader-a"));
        return agreement;
    }

    @Test
    void shouldIgnoreTheLeaderOfAnAgreementNotYetSigned() {
        Agreement agreement = issued();
        assertEquals(LeaderCheck.NOTHING, agreement.leaderNow(B, MONDAY));
        assertFalse(agreement.awaitsResigning());
        assertNull(agreement.leaderChangedAt());
    }

    @Test
    void shouldAwaitResigningOnceAnotherLeaderLeadsTheUnit() {
        Agreement agreement = signedBy(A);
        assertEquals(LeaderCheck.NOTHING, agreement.leaderNow(A, MONDAY));
        assertEquals(LeaderCheck.CHANGED, agreement.leaderNow(B, MONDAY));
        assertTrue(agreement.awaitsResigning());
        assertEquals(B, agreement.newLeader());
        assertEquals(MONDAY, agreement.leaderChangedAt());
        assertEquals(A, agreement.signingLeader());
        // the feed reads the unit again
        assertEquals(LeaderCheck.NOTHING, agreement.leaderNow(B, TUESDAY));
        assertEquals(MONDAY, agreement.leaderChangedAt());
    }

    @Test
    void shouldAwaitResigningWhenTheUnitHasNoLeaderAnyMore() {
        Agreement agreement = signedBy(A);
        assertEquals(LeaderCheck.CHANGED, agreement.leaderNow(null, MONDAY));
        assertTrue(agreement.awaitsResigning());
        assertNull(agreement.newLeader());
        assertEquals(LeaderCheck.NOTHING, agreement.leaderNow(null, TUESDAY));
    }

    @Test
    void shouldNameTheLatestLeaderButKeepWhenResigningBecameNeeded() {
        Agreement agreement = signedBy(A);
        agreement.leaderNow(B, MONDAY);
        assertEquals(LeaderCheck.CHANGED, agreement.leaderNow(C, TUESDAY));
        assertEquals(C, agreement.newLeader());
        assertEquals(MONDAY, agreement.leaderChangedAt());
    }

    @Test
    void shouldNotFlagAnAgreementWhoseSignatureNamedNoLeader() {
        Agreement agreement = signedBy(null);
        assertEquals(LeaderCheck.NOTHING, agreement.leaderNow(B, MONDAY));
        assertFalse(agreement.awaitsResigning());
    }

    @Test
    void shouldNotNeedResigningWhenTheLeaderWhoSignedLeadsAgain() {
        Agreement agreement = signedBy(A);
        agreement.leaderNow(B, MONDAY);
        assertEquals(LeaderCheck.RESTORED, agreement.leaderNow(new Leader(A.personId(), "扎西（更正）"), TUESDAY));
        assertFalse(agreement.awaitsResigning());
        assertNull(agreement.leaderChangedAt());
    }

    @Test
    void signingAgainRecordsTheNewLeaderAndKeepsTheState() {
        Agreement agreement = signedBy(A);
        agreement.markCountersigned();
        agreement.leaderNow(B, MONDAY);
        agreement.requireSignable();
        assertEquals(Signing.AGAIN, agreement.markSigned(B, "leader-b"));
        assertEquals(AgreementState.ACTIVE, agreement.state());
        assertEquals(B, agreement.signingLeader());
        assertEquals("leader-b", agreement.partyBSigner());
        assertFalse(agreement.awaitsResigning());
        assertNull(agreement.leaderChangedAt());
        assertNull(agreement.newLeader());
    }

    @Test
    void shouldNotSignAgainWhatAwaitsNoSignature() {
        Agreement agreement = signedBy(A);
        assertThrows(IllegalAgreementTransition.class, agreement::requireSignable);
        assertThrows(IllegalAgreementTransition.class, () -> agreement.markSigned(A, "leader-a"));
    }

    @Test
    void shouldNotFlagAnAssessedAgreement() {
        Agreement agreement = signedBy(A);
        agreement.markCountersigned();
        agreement.markAssessed(Agreement.Result.FULFILLED);
        assertEquals(LeaderCheck.NOTHING, agreement.leaderNow(B, MONDAY));
        assertFalse(agreement.awaitsResigning());
    }
}
