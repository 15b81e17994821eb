package org.tuanjie.agreements.template;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class TemplateRepository implements PanacheRepositoryBase<AgreementTemplate, UUID> {

    public int latestVersion(UUID familyId) {
        return getEntityManager()
                .createQuery("select max(t.versionNo) from AgreementTemplate t where t.familyId = :f", Integer.class)
                .setParameter("f", familyId).getSingleResult();
    }
}
