package org.tuanjie.agreements.template.service;

import org.tuanjie.platform.access.UnitNotFound;
import org.tuanjie.platform.access.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tuanjie.agreements.audit.service.AuditTrail;
import org.tuanjie.agreements.template.AgreementTemplate;
import org.tuanjie.agreements.template.TemplateExceptions.TemplateNotFound;
import org.tuanjie.agreements.template.TemplateExceptions.TemplateNotPublished;
import org.tuanjie.agreements.template.TemplateRepository;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.unitsclient.Jurisdiction;

/**
 * Templates belong to the office that wrote them; the units under that office read them too.
 */
@ApplicationScoped
public class TemplateService {

    /** The most templates one read lists, latest years first: every version of a few a year, for decades. */
    public static final int TEMPLATES_LISTED = 500;

    @Inject
    TemplateRepository templates;

    @Inject
    Jurisdiction jurisdiction;

    @Inject
    Guard guard;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Transactional
    public AgreementTemplate create(AgreementTemplate.Content content) {
        String owner = caller.unitCode().orElseThrow(() -> new UnitNotFound("unit_code"));
        AgreementTemplate template = AgreementTemplate.draft(owner, jurisdiction.rootPath(), content);
        templates.persist(template);
        return template;
    }

    public AgreementTemplate get(UUID id) {
        return owned(id);
    }

    public List<AgreementTemplate> list(Integer year) {
        String root = jurisdiction.rootPath();
        return templates.list("order by year desc, familyId, versionNo").stream()
                .filter(t -> year == null || t.content().year() == year)
                .filter(t -> t.ownerPath().startsWith(root) || root.startsWith(t.ownerPath()))
                .limit(TEMPLATES_LISTED)
                .toList();
    }

    @Transactional
    public AgreementTemplate revise(UUID id, long expectedVersion, AgreementTemplate.Content content) {
        AgreementTemplate template = owned(id);
        Versions.check(expectedVersion, template.version());
        template.revise(content);
        templates.flush();
        return template;
    }

    @Transactional
    public AgreementTemplate publish(UUID id, long expectedVersion) {
        AgreementTemplate template = owned(id);
        Versions.check(expectedVersion, template.version());
        template.publish();
        templates.flush();
        audit.append("TEMPLATE_PUBLISHED", null, template.ownerCode(), template.ownerPath(),
                Map.of("templateId", id.toString(), "version", Integer.toString(template.versionNo())));
        return template;
    }

    @Transactional
    public AgreementTemplate nextVersion(UUID id) {
        AgreementTemplate template = owned(id);
        if (template.status() != AgreementTemplate.Status.PUBLISHED) {
            throw new TemplateNotPublished();
        }
        AgreementTemplate next = template.nextVersion(templates.latestVersion(template.familyId()) + 1);
        templates.persist(next);
        return next;
    }

    /** The template, when the caller sees it and meets the current operation's conditions on it (the policy's). */
    public AgreementTemplate owned(UUID id) {
        return templates.findByIdOptional(id).map(t -> guard.require(t, () -> new TemplateNotFound(id)))
                .orElseThrow(() -> new TemplateNotFound(id));
    }
}
