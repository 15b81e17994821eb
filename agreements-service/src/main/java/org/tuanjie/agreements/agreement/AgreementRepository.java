package org.tuanjie.agreements.agreement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    public List<Signature> signatures(UUID agreementId) {
        return getEntityManager().createQuery("select s from Signature s where s.agreementId = :a order by s.signedAt",
                Signature.class).setParameter("a", agreementId).getResultList();
    }

    /** The current (not revoked, not superseded) agreement of a unit for a year, if any. */
    public boolean hasCurrent(UUID unitId, int year) {
        return count("unitId = ?1 and year = ?2 and state not in (?3, ?4)", unitId, year, AgreementState.REVOKED,
                AgreementState.SUPERSEDED) > 0;
    }
}
