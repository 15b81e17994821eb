package org.tuanjie.agreements.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.events.Happened;
import org.tuanjie.platform.events.Outbox;

/**
 * What agreements-service tells other platforms: each step of an agreement its audit trail records, in the same
 * transaction (issued, signed, active once countersigned, assessed, revoked, amended, its leader changed). Read by
 * whoever's reach covers party B's unit or the issuing office.
 */
@ApplicationScoped
public class AgreementsEvents {

    public static final String PREFIX = "org.tuanjie.agreement.";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    /** @param action the audit trail's word for it ({@code COUNTERSIGNED}) */
    public void told(String action, Agreement agreement, Map<String, String> detail) {
        typeOf(action).ifPresent(type -> {
            em.flush(); // the agreement's new version, for the event
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("agreementId", agreement.id().toString());
            data.put("year", agreement.year());
            data.put("unitId", agreement.unitId().toString());
            data.put("unitCode", agreement.unitCode());
            data.put("unitName", agreement.unitName());
            data.put("issuerCode", agreement.issuerCode());
            data.put("state", agreement.state().name());
            data.put("versionNo", agreement.versionNo());
            data.put("version", agreement.version());
            data.putAll(detail);
            outbox.publish(new Happened(PREFIX + type, "agreements/" + agreement.id(), UnitPath.of(agreement.unitPath()),
                    UnitPath.of(agreement.issuerPath()), data));
        });
    }

    static Optional<String> typeOf(String action) {
        return Optional.ofNullable(switch (action) {
            case "ISSUED" -> "issued";
            case "SIGNED", "SIGNED_AGAIN" -> "signed";
            case "COUNTERSIGNED" -> "active";
            case "ASSESSED" -> "assessed";
            case "REVOKED" -> "revoked";
            case "AMENDED" -> "amended";
            case "LEADER_CHANGED" -> "leader-changed";
            case "LEADER_RESTORED" -> "leader-restored";
            default -> null;
        });
    }
}
