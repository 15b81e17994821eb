package org.tuanjie.agreements.access;

import static org.tuanjie.platform.security.Roles.ADMIN;
import static org.tuanjie.platform.security.Roles.AUDITOR;
import static org.tuanjie.platform.security.Roles.EVERYONE;
import static org.tuanjie.platform.security.Roles.INSPECTOR;
import static org.tuanjie.platform.security.Roles.INTEGRATION;
import static org.tuanjie.platform.security.Roles.OFFICE;
import static org.tuanjie.platform.security.Roles.UNIT_LEADER;
import static org.tuanjie.platform.security.Roles.UNIT_LIAISON;

import java.util.Set;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.agreement.PartyBSigner;
import org.tuanjie.agreements.template.AgreementTemplate;
import org.tuanjie.platform.access.AccessPolicy;
import org.tuanjie.platform.access.Act;
import org.tuanjie.platform.access.Rule;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.events.EventAccess;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;

/**
 * Who may call each operation of agreements-service, and on whose behalf. Party A's acts
 * (countersign, revoke, amend, assess, issue) belong to staff whose reach includes the issuing
 * office; party B's signature to the principal leader of that very unit, and its signature again, after a change of
 * principal leader, to a leader other than the one replaced.
 */
public final class AgreementPolicy implements AccessPolicy.Source {

    /** Whoever may have work waiting: a liaison or inspector asks too, and finds nothing of theirs. */
    static final Set<String> INBOX_OWNERS = Set.of(ADMIN, INSPECTOR, UNIT_LIAISON, UNIT_LEADER);

    static final Act<Agreement> SEES_AGREEMENT = Act.of(Agreement.class,
            "the agreement's unit or its issuing office lies in the caller's reach", "access.agreement.not-visible",
            (r, a) -> r.covers(path(a.unitPath())) || r.covers(path(a.issuerPath())));
    static final Act<AgreementTemplate> SEES_TEMPLATE = Act.of(AgreementTemplate.class,
            "the template's office lies in the caller's reach, or above it", "access.template.not-visible",
            (r, t) -> r.covers(path(t.ownerPath())) || r.liesWithin(path(t.ownerPath())));
    static final Act<UnitRef> SEES_UNIT = Act.of(UnitRef.class, "every unit named lies in the caller's reach",
            "access.unit.not-visible", (r, u) -> r.covers(u.unitPath()));

    static final Act<Agreement> FOR_PARTY_A = Act.of(Agreement.class,
            "the caller's reach includes the **issuing office** (party A)", "access.agreement.party-a",
            (r, a) -> r.covers(path(a.issuerPath())))
            .and(Act.of(Agreement.class, "the caller does not sit in party B's unit", "access.agreement.inside-party-b",
                    (r, a) -> !r.liesWithin(path(a.unitPath()))));
    static final Act<Agreement> FOR_PARTY_B = Act.of(Agreement.class,
            "the caller's own unit (`unit_code`) is **party B**: its principal leader signs", "access.agreement.party-b",
            (r, a) -> r.isUnit(a.unitCode()))
            // tokens do not say which people record a leader is; the one who signed before is surely not the new leader
            .and(Act.of(Agreement.class, "when signing again after a change of leader, the caller is not the one who "
                    + "signed before", "access.agreement.replaced-leader",
                    (r, a) -> !a.awaitsResigning() || !r.subject().equals(a.partyBSigner())));
    static final Act<PartyBSigner> SEES_SIGNED = Act.of(PartyBSigner.class, "the agreement's unit lies in the caller's reach",
            "access.agreement.not-visible", (r, s) -> r.covers(path(s.agreement().unitPath())));
    static final Act<PartyBSigner> THE_PRINCIPAL_LEADER = Act.of(PartyBSigner.class,
            "when units-service names the principal leader's account (people records), the caller is that account "
                    + "(by name), not another `unit-leader` of the unit (403 `not-the-principal-leader`)",
            "access.agreement.not-the-leader",
            (r, s) -> s.leaderAccount() == null || s.leaderAccount().equalsIgnoreCase(r.subject()))
            .refusedAs("not-the-principal-leader", s -> new Object[0]);
    static final Act<AgreementTemplate> FOR_TEMPLATE_OFFICE = Act.of(AgreementTemplate.class,
            "the caller's reach includes the template's **issuing office**", "access.template.issuing-office",
            (r, t) -> r.covers(path(t.ownerPath())));

    @Override
    public AccessPolicy policy() {
        return AccessPolicy.builder()
                .seen(SEES_AGREEMENT).seen(SEES_TEMPLATE).seen(SEES_UNIT).seen(SEES_SIGNED)
                .rule(Rule.of("POST", "/templates", Set.of(ADMIN)))
                .rule(Rule.of("GET", "/templates", EVERYONE))
                .rule(Rule.of("GET", "/templates/{id}", EVERYONE))
                .rule(Rule.of("PUT", "/templates/{id}", Set.of(ADMIN)).acting(FOR_TEMPLATE_OFFICE))
                .rule(Rule.of("POST", "/templates/{id}/publish", Set.of(ADMIN)).acting(FOR_TEMPLATE_OFFICE))
                .rule(Rule.of("POST", "/templates/{id}/versions", Set.of(ADMIN)).acting(FOR_TEMPLATE_OFFICE))
                .rule(Rule.of("POST", "/templates/{id}/issue", Set.of(ADMIN)).acting(FOR_TEMPLATE_OFFICE).acting(SEES_UNIT))
                .rule(Rule.of("GET", "/agreements", EVERYONE))
                .rule(Rule.of("GET", "/agreements/inbox", INBOX_OWNERS))
                .rule(Rule.of("POST", "/agreements/inbox/{id}/read", INBOX_OWNERS))
                .rule(Rule.of("GET", "/agreements/{id}", EVERYONE))
                .rule(Rule.of("GET", "/agreements/{id}/canonical-content", EVERYONE))
                .rule(Rule.of("GET", "/agreements/{id}/signatures", EVERYONE))
                .rule(Rule.of("GET", "/agreements/{id}/verification", EVERYONE))
                .rule(Rule.of("POST", "/agreements/{id}/sign", Set.of(UNIT_LEADER)).acting(FOR_PARTY_B)
                        .acting(THE_PRINCIPAL_LEADER))
                .rule(Rule.of("POST", "/agreements/{id}/countersign", Set.of(ADMIN)).acting(FOR_PARTY_A))
                .rule(Rule.of("POST", "/agreements/{id}/revoke", Set.of(ADMIN)).acting(FOR_PARTY_A))
                .rule(Rule.of("POST", "/agreements/{id}/amendments", Set.of(ADMIN)).acting(FOR_PARTY_A))
                .rule(Rule.of("POST", "/agreements/{id}/assessment", OFFICE).acting(FOR_PARTY_A))
                .rule(Rule.of("GET", "/agreements/{id}/assessment", EVERYONE))
                .rule(Rule.of("POST", "/agreements/unit-feed", Set.of(ADMIN)))
                .rule(Rule.of("GET", "/coverage", EVERYONE))
                .rule(Rule.of("GET", "/audit", Set.of(ADMIN, AUDITOR)))
                .rule(Rule.of("GET", "/audit/verification", Set.of(ADMIN, AUDITOR)))
                .rule(Rule.of("GET", "/audit/bundle.zip", Set.of(ADMIN, AUDITOR)))
                .rule(Rule.of("GET", "/audit/checkpoints", Set.of(ADMIN, AUDITOR, INTEGRATION)))
                .rule(Rule.of("POST", "/audit/checkpoints/verification", Set.of(ADMIN, AUDITOR, INTEGRATION)))
                .rules(EventAccess.rules("/agreements"))
                .build();
    }

    private static UnitPath path(String text) {
        return UnitPath.of(text);
    }
}
