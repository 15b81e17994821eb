package org.tuanjie.agreements.agreement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.agreement.AgreementRepository;
import org.tuanjie.agreements.agreement.Leader;
import org.tuanjie.agreements.audit.service.AuditTrail;
import org.tuanjie.unitfeed.UnitsRead;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;

/**
 * Follows who leads each unit (一把手), as the unit feed reads units-service: an agreement in force whose signing
 * leader no longer leads its unit awaits re-signing by the new one ("leader changed, re-signing needed"), recorded
 * on the audit trail by the service itself. The feed reads units again and again; a leader already recorded changes
 * nothing, so a unit read twice flags nothing twice.
 */
@ApplicationScoped
public class LeaderWatch {

    /** The service found that the leader who signed for party B no longer leads the unit. */
    public static final String LEADER_CHANGED = "LEADER_CHANGED";
    /** The service found that the leader who signed leads the unit again: re-signing is no longer needed. */
    public static final String LEADER_RESTORED = "LEADER_RESTORED";
    /** Party B signed again after a change of leader. */
    public static final String SIGNED_AGAIN = "SIGNED_AGAIN";

    private static final Logger LOG = Logger.getLogger(LeaderWatch.class);

    @Inject
    AgreementRepository agreements;

    @Inject
    AuditTrail audit;

    @Transactional
    void unitsRead(@Observes UnitsRead page) {
        Map<UUID, UnitRef> units = new HashMap<>();
        page.units().forEach(unit -> units.put(unit.id(), unit));
        List<Agreement> inForce = agreements.list("unitId in ?1 and state in ?2 and signingLeaderPersonId is not null",
                units.keySet(), Agreement.IN_FORCE);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        for (Agreement agreement : inForce) {
            Leader current = leaderOf(units.get(agreement.unitId()));
            Leader signing = agreement.signingLeader();
            switch (agreement.leaderNow(current, now)) {
                case CHANGED -> {
                    Map<String, String> detail = new LinkedHashMap<>();
                    describe(detail, "signingLeader", signing);
                    describe(detail, "newLeader", current);
                    audit.recordByService(LEADER_CHANGED, agreement, detail);
                    LOG.infof("Agreement %s of unit %s awaits re-signing: its principal leader changed",
                            agreement.id(), agreement.unitCode());
                }
                case RESTORED -> {
                    Map<String, String> detail = new LinkedHashMap<>();
                    describe(detail, "signingLeader", signing);
                    audit.recordByService(LEADER_RESTORED, agreement, detail);
                }
                case NOTHING -> {
                    // already as units-service says
                }
            }
        }
    }

    private static Leader leaderOf(UnitRef unit) {
        return unit.principalLeader() == null ? null
                : new Leader(unit.principalLeader().personId(), unit.principalLeader().nameZh());
    }

    /**
     * A leader in an audit entry's detail ({@code <role>PersonId}, {@code <role>Name}); nobody: the keys are absent,
     * as the detail holds no nulls.
     */
    static void describe(Map<String, String> detail, String role, Leader leader) {
        if (leader != null) {
            detail.put(role + "PersonId", leader.personId().toString());
            if (leader.name() != null) {
                detail.put(role + "Name", leader.name());
            }
        }
    }
}
