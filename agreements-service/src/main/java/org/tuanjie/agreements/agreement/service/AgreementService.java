package org.tuanjie.agreements.agreement.service;

import org.tuanjie.platform.access.UnitNotFound;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.agreement.AgreementExceptions.AgreementNotFound;
import org.tuanjie.agreements.agreement.PartyBSigner;
import org.tuanjie.agreements.agreement.AgreementRepository;
import org.tuanjie.agreements.agreement.AgreementState;
import org.tuanjie.agreements.agreement.Leader;
import org.tuanjie.agreements.agreement.Signature;
import org.tuanjie.agreements.audit.service.AuditTrail;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.seal.SealKeys;
import org.tuanjie.agreements.template.AgreementTemplate;
import org.tuanjie.agreements.template.TemplateExceptions.TemplateNotPublished;
import org.tuanjie.agreements.template.service.TemplateService;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.Page;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.platform.security.Roles;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.unitsclient.Directory;
import org.tuanjie.unitsclient.Jurisdiction;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;

/**
 * Issuing, signing, countersigning, amending and revoking agreements, each recorded on the audit
 * trail in the same transaction.
 */
@ApplicationScoped
public class AgreementService {

    /**
     * The most units one issue reaches, listed or under {@code within}: each gets its agreement and its audit entry in
     * one transaction. A county's units are far fewer; a larger area is issued to township by township.
     */
    public static final int MOST_UNITS_PER_ISSUE = 5000;

    private static final Set<String> ABOVE_TOWNSHIP = Set.of("PROVINCE", "PREFECTURE", "COUNTY");

    @Inject
    AgreementRepository agreements;

    @Inject
    TemplateService templates;

    @Inject
    Jurisdiction jurisdiction;

    @Inject
    Directory directory;

    @Inject
    Caller caller;

    @Inject
    Guard guard;

    @Inject
    SealKeys keys;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    /**
     * Issues a published template to every unit under {@code within} (county-level regions and
     * above excepted), or to the listed units; a unit that already has this year's agreement is
     * skipped, so repeating the request creates nothing new.
     */
    @Transactional
    public IssueResult issue(UUID templateId, UUID within, List<UUID> unitIds) {
        AgreementTemplate template = templates.owned(templateId);
        if (template.status() != AgreementTemplate.Status.PUBLISHED) {
            throw new TemplateNotPublished();
        }
        List<Agreement.Party> parties = within != null ? partiesUnder(within) : parties(unitIds);
        if (parties.size() > MOST_UNITS_PER_ISSUE) {
            throw new Problems.InvalidInput(new Violation("within", "issue.too-many", MOST_UNITS_PER_ISSUE, parties.size()));
        }
        Agreement.Party issuer = new Agreement.Party(null, template.ownerCode(), template.ownerCode(),
                template.ownerPath(), "ISSUER", null, null);
        List<UUID> created = new ArrayList<>();
        int skipped = 0;
        for (Agreement.Party unit : parties) {
            if (agreements.hasCurrent(unit.id(), template.content().year())) {
                skipped++;
                continue;
            }
            UUID id = UUID.randomUUID();
            Agreement agreement = Agreement.issue(id, template.id(), template.content().year(), unit, issuer, 1, null,
                    content(id, 1, template.content(), issuer, unit));
            agreements.persist(agreement);
            audit.record("ISSUED", agreement, Map.of("templateId", template.id().toString(),
                    "contentHash", agreement.contentHash()));
            created.add(id);
        }
        return new IssueResult(created, skipped);
    }

    /** The agreement, when the caller sees it and meets the current operation's conditions on it (the policy's). */
    public Agreement get(UUID id) {
        return agreements.findByIdOptional(id).map(a -> guard.require(a, () -> new AgreementNotFound(id)))
                .orElseThrow(() -> new AgreementNotFound(id));
    }

    /** @param resigningNeeded when given, only agreements that do ({@code true}) or do not await re-signing */
    public Page<Agreement> list(Integer year, AgreementState state, UUID unitId, Boolean resigningNeeded, int limit,
            Cursor after) {
        StringBuilder hql = new StringBuilder("select a from Agreement a where (a.unitPath like :scope or a.issuerPath like :scope)"
                + " and (a.unitPath > :afterPath or (a.unitPath = :afterPath and a.id > :afterId))");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", Jurisdiction.likePrefix(jurisdiction.rootPath()));
        params.put("afterPath", after == null ? "" : after.path(0));
        params.put("afterId", after == null ? new UUID(0, 0) : after.uuid(1));
        if (year != null) {
            hql.append(" and a.year = :year");
            params.put("year", year);
        }
        if (state != null) {
            hql.append(" and a.state = :state");
            params.put("state", state);
        }
        if (unitId != null) {
            hql.append(" and a.unitId = :unit");
            params.put("unit", unitId);
        }
        if (resigningNeeded != null) {
            // as Agreement.awaitsResigning: flagged and in force
            String awaits = "(a.leaderChangedAt is not null and a.state in (:inForce))";
            hql.append(resigningNeeded ? " and " + awaits : " and not " + awaits);
            params.put("inForce", Agreement.IN_FORCE);
        }
        var query = em.createQuery(hql + " order by a.unitPath, a.id", Agreement.class).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        return Page.of(query.getResultList(), limit, a -> Cursor.of(a.unitPath(), a.id().toString()));
    }

    public List<Signature> signatures(UUID id) {
        get(id);
        return agreements.signatures(id);
    }

    /**
     * Party B's principal leader signs (the policy admits only a {@code unit-leader} of that unit): an issued
     * agreement, or one in force again after units-service named a new principal leader. The agreement records who
     * units-service names as the unit's leader now, so that a later change of leader can be told.
     *
     * @throws Directory.UnitsUnavailable (503) when units-service cannot say who leads the unit: a signature without
     *         its leader could never be flagged when that leader goes, so nothing is signed
     */
    @Transactional
    public Agreement sign(UUID id, long expectedVersion) {
        Agreement agreement = get(id);
        Versions.check(expectedVersion, agreement.version());
        agreement.requireSignable();
        Leader replaced = agreement.signingLeader();
        var named = directory.current(agreement.unitId()).map(UnitRef::principalLeader).orElse(null);
        guard.require(new PartyBSigner(agreement, named == null ? null : named.accountUsername()),
                () -> new AgreementNotFound(id));
        Leader leader = named == null ? null : new Leader(named.personId(), named.nameZh());
        Agreement.Signing signing = agreement.markSigned(leader, caller.subject());
        Signature signature = signature(agreement, Signature.Kind.SIGN, Roles.UNIT_LEADER);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("signatureId", signature.id().toString());
        detail.put("contentHash", agreement.contentHash());
        LeaderWatch.describe(detail, "leader", leader);
        if (signing == Agreement.Signing.AGAIN) {
            LeaderWatch.describe(detail, "replacedLeader", replaced);
        }
        audit.record(signing == Agreement.Signing.AGAIN ? LeaderWatch.SIGNED_AGAIN : "SIGNED", agreement, detail);
        agreements.flush();
        return agreement;
    }

    /** Party A's countersignature makes the agreement active. */
    @Transactional
    public Agreement countersign(UUID id, long expectedVersion) {
        Agreement agreement = get(id);
        Versions.check(expectedVersion, agreement.version());
        agreement.markCountersigned();
        Signature signature = signature(agreement, Signature.Kind.COUNTERSIGN, Roles.ADMIN);
        audit.record("COUNTERSIGNED", agreement, Map.of("signatureId", signature.id().toString()));
        agreements.flush();
        return agreement;
    }

    @Transactional
    public Agreement revoke(UUID id, long expectedVersion, String reason) {
        Agreement agreement = get(id);
        Versions.check(expectedVersion, agreement.version());
        agreement.revoke(reason);
        audit.record("REVOKED", agreement, Map.of("reason", reason));
        agreements.flush();
        return agreement;
    }

    /**
     * An amendment: the current version is superseded (and stays readable), and a new version with
     * the changed content is issued, to be signed again.
     */
    @Transactional
    public Agreement amend(UUID id, long expectedVersion, AgreementTemplate.Content changed, String reason) {
        Agreement current = get(id);
        Versions.check(expectedVersion, current.version());
        changed.validate();
        current.supersede();
        agreements.flush();
        UUID newId = UUID.randomUUID();
        int versionNo = current.versionNo() + 1;
        Agreement.Party unit = new Agreement.Party(current.unitId(), current.unitCode(), current.unitName(),
                current.unitPath(), current.unitKind(), current.townshipCode(), current.townshipName());
        Agreement.Party issuer = new Agreement.Party(null, current.issuerCode(), current.issuerCode(),
                current.issuerPath(), "ISSUER", null, null);
        Agreement amended = Agreement.issue(newId, current.templateId(), current.year(), unit, issuer, versionNo,
                current.id(), content(newId, versionNo, changed, issuer, unit));
        agreements.persist(amended);
        audit.record("AMENDED", current, Map.of("newVersionId", newId.toString(), "reason", reason));
        audit.record("ISSUED", amended, Map.of("supersedes", current.id().toString(),
                "contentHash", amended.contentHash()));
        return amended;
    }

    /**
     * Re-derives everything a seal vouches for from the stored rows: the content's hash, each
     * signature's record of that hash, and each seal. Any SQL edit of a signed agreement or a
     * signature shows up here, named.
     */
    public Verification verify(UUID id) {
        Agreement agreement = get(id);
        String computed = CanonicalJson.sha256(CanonicalJson.of(agreement.content()));
        List<String> problems = new ArrayList<>();
        if (!computed.equals(agreement.contentHash())) {
            problems.add("content-altered");
        }
        List<SignatureCheck> checks = new ArrayList<>();
        for (Signature s : agreements.signatures(id)) {
            boolean hashMatches = s.contentHash().equals(computed);
            SealKeys.Check seal = keys.check(s.sealedPayload(), s.seal(), s.keyId(), s.coSeal(), s.coKeyId(),
                    s.signedAt().toInstant());
            boolean sealValid = seal == SealKeys.Check.VALID;
            if (!hashMatches) {
                problems.add("signature-" + s.kind().name().toLowerCase() + "-content-mismatch");
            }
            if (!sealValid) {
                problems.add("signature-" + s.kind().name().toLowerCase() + "-seal-invalid");
            }
            boolean signerCouldAct = s.signerCouldActFor(agreement);
            if (!signerCouldAct) {
                problems.add("signature-" + s.kind().name().toLowerCase() + "-signer-not-party");
            }
            checks.add(new SignatureCheck(s, hashMatches, seal, signerCouldAct));
        }
        return new Verification(agreement, computed, problems.isEmpty(), problems, checks);
    }

    /** The canonical text of an agreement's content: the exact bytes whose SHA-256 is its content hash. */
    public String canonicalContent(UUID id) {
        return CanonicalJson.of(get(id).content());
    }

    private Signature signature(Agreement agreement, Signature.Kind kind, String role) {
        Signature signature = Signature.of(agreement, kind, caller.subject(), caller.displayName(), role,
                kind == Signature.Kind.SIGN ? agreement.unitCode() : agreement.issuerCode(),
                caller.unitCode().orElse(null), jurisdiction.rootPath());
        SealKeys.Seal seal = keys.seal(signature.sealedPayload(), signature.signedAt().toInstant());
        signature.seal(seal.value(), seal.keyId());
        keys.coSeal(signature.sealedPayload(), signature.signedAt().toInstant()).ifPresent(signature::coSeal);
        em.persist(signature);
        return signature;
    }

    private JsonNode content(UUID id, int versionNo, AgreementTemplate.Content template, Agreement.Party issuer,
            Agreement.Party unit) {
        ObjectNode content = json.createObjectNode();
        content.put("agreementId", id.toString());
        content.put("version", versionNo);
        content.put("year", template.year());
        content.put("title", template.title());
        content.set("clauses", json.valueToTree(template.clauses()));
        content.set("targets", json.valueToTree(template.targets()));
        content.set("adjustments", json.valueToTree(template.adjustments()));
        content.put("passMark", template.passMark());
        if (template.grades() != null) { // absent before templates had grades: older content stays as it was sealed
            content.set("grades", json.valueToTree(template.grades()));
        }
        ObjectNode partyA = content.putObject("partyA");
        partyA.put("code", issuer.code());
        ObjectNode partyB = content.putObject("partyB");
        partyB.put("code", unit.code());
        partyB.put("name", unit.name());
        return content;
    }

    private List<Agreement.Party> partiesUnder(UUID within) {
        jurisdiction.unit(within);
        List<UnitRef> subtree = directory.subtree(within).orElseThrow(() -> new UnitNotFound(within));
        Map<String, UnitRef> byCode = new HashMap<>();
        subtree.forEach(u -> byCode.put(u.code(), u));
        List<Agreement.Party> parties = new ArrayList<>();
        for (UnitRef unit : subtree) {
            if (unit.id().equals(within) || ABOVE_TOWNSHIP.contains(unit.kind()) || "CLOSED".equals(unit.status())) {
                continue;
            }
            UnitRef township = null;
            for (String code : unit.path()) {
                UnitRef step = byCode.get(code);
                if (step != null && "TOWNSHIP".equals(step.kind())) {
                    township = step;
                }
            }
            parties.add(party(unit, township));
        }
        return parties;
    }

    private List<Agreement.Party> parties(List<UUID> unitIds) {
        List<Agreement.Party> parties = new ArrayList<>();
        for (UUID id : unitIds == null ? List.<UUID>of() : unitIds) {
            UnitRef unit = jurisdiction.unit(id);
            parties.add(party(unit, directory.townshipOf(unit).orElse(null)));
        }
        return parties;
    }

    private static Agreement.Party party(UnitRef unit, UnitRef township) {
        return new Agreement.Party(unit.id(), unit.code(), unit.name(), unit.pathText(), unit.kind(),
                township == null ? null : township.code(), township == null ? null : township.name());
    }

    public record IssueResult(List<UUID> created, int skipped) {
    }

    public record SignatureCheck(Signature signature, boolean contentHashMatches, SealKeys.Check seal,
            boolean signerCouldActForParty) {

        public boolean sealValid() {
            return seal == SealKeys.Check.VALID;
        }
    }

    public record Verification(Agreement agreement, String computedHash, boolean valid, List<String> problems,
            List<SignatureCheck> signatures) {
    }
}
