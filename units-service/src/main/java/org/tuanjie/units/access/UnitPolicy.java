package org.tuanjie.units.access;

import static org.tuanjie.platform.security.Roles.ADMIN;
import static org.tuanjie.platform.security.Roles.ADMINS;
import static org.tuanjie.platform.security.Roles.AUDITOR;
import static org.tuanjie.platform.security.Roles.INTEGRATION;
import static org.tuanjie.platform.security.Roles.UNIT_STAFF;
import static org.tuanjie.platform.security.Roles.EVERYONE;
import static org.tuanjie.platform.security.Roles.OFFICE;

import java.util.Set;
import org.tuanjie.platform.access.AccessPolicy;
import org.tuanjie.platform.access.Act;
import org.tuanjie.platform.access.Reach;
import org.tuanjie.platform.access.Rule;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.events.EventAccess;
import org.tuanjie.units.domain.DomainMembers;
import org.tuanjie.units.domain.DomainOwner;
import org.tuanjie.units.domain.OwnedDomain;
import org.tuanjie.units.indicators.OwnedCatalogue;
import org.tuanjie.units.people.AccountGrant;
import org.tuanjie.units.people.AccountRole;
import org.tuanjie.units.scorecard.ScoredUnit;
import org.tuanjie.units.unit.RootClaim;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitPlacement;
import org.tuanjie.units.unit.UnitRead;

/**
 * Who may call each operation of units-service, and on which unit. Reads are open to every role within
 * reach, and a "9+N进" domain's lead unit also reads its members (the unit and its readiness), read-only;
 * the hierarchy changes by admins, and closing, moving, renaming and reopening a unit are the level above's,
 * never on the caller's own root; a unit's people are recorded by an admin whose reach includes it, its own
 * root unit included, and their accounts' roles granted and revoked only as far as the admin's level may
 * (office roles by a county office or above); a readiness profile is its own unit's to fill, or an admin's above it,
 * and so is its dossier (activities and documents), which inspectors, auditors and integration clients only read;
 * domains change by the office whose reach includes their owner.
 */
public final class UnitPolicy implements AccessPolicy.Source {

    /**
     * Who keeps and checks the history chain's checkpoints: auditors, the office, and other platforms. A checkpoint says
     * nothing of any unit, only the chain's length and head hash.
     */
    static final Set<String> CHECKPOINT_KEEPERS = Set.of(ADMIN, AUDITOR, INTEGRATION);

    // who sees what at all (404 otherwise)
    static final Act<Unit> SEES_UNIT = Act.of(Unit.class, "every unit named lies in the caller's reach",
            "access.unit.not-visible", (r, u) -> r.covers(u.unitPath()));
    static final Act<UnitRead> SEES_UNIT_READ = Act.of(UnitRead.class,
            "the unit lies in the caller's reach, or the caller's own unit (`unit_code`) is the **lead unit** (牵头单位) "
                    + "of a \"9+N进\" domain the unit is a member of (read-only, across subtrees)",
            "access.unit.not-visible", (r, read) -> r.covers(read.unit().unitPath())
                    || read.domainLeads().stream().anyMatch(r::isUnit));
    static final Act<UnitPlacement> SEES_PARENT = Act.of(UnitPlacement.class, "the parent lies in the caller's reach",
            "access.unit.not-visible", (r, p) -> r.covers(p.parent().unitPath()));
    static final Act<RootClaim> SEES_ROOT_CLAIM = Act.of(RootClaim.class, "anyone may claim a root; whose it is decides",
            "access.unit.root", (r, c) -> true);
    static final Act<DomainOwner> SEES_DOMAINS_OF = Act.of(DomainOwner.class,
            "the domains' owner lies in the caller's reach, or the caller lies within the owner's (a township sees its county's domains)",
            "access.domain.not-visible", (r, o) -> seesDomainsOf(r, o.unit()));
    static final Act<OwnedDomain> SEES_DOMAIN = Act.of(OwnedDomain.class,
            "the domain's owner lies in the caller's reach, or the caller lies within the owner's",
            "access.domain.not-visible", (r, d) -> seesDomainsOf(r, d.owner()));
    /** Not a condition to act: which members a read lists (all of them, or those in the caller's reach). */
    static final Act<DomainMembers> SEES_ALL_MEMBERS = Act.of(DomainMembers.class,
            "the caller's own unit (`unit_code`) is the domain's **lead unit**: it reads every member in the domain's "
                    + "jurisdiction, across subtrees",
            "access.domain.not-lead", (r, m) -> m.leadUnitCode() != null && r.isUnit(m.leadUnitCode()));

    // on which unit the caller acts (403 otherwise)
    static final Act<Unit> LEVEL_ABOVE = Act.of(Unit.class,
            "the unit lies strictly **below** the caller's root: the level above closes, moves, renames and reopens a unit, "
                    + "nobody their own root unit (403 `own-root-unit`)",
            "unit.own-root", (r, u) -> !r.liesWithin(u.unitPath()))
            .refusedAs("own-root-unit", u -> new Object[] {u.code()});
    static final Act<UnitPlacement> PARENT_IN_REACH = Act.of(UnitPlacement.class,
            "each parent lies in the caller's reach", "access.unit.parent", (r, p) -> r.covers(p.parent().unitPath()));
    static final Act<UnitPlacement> NEW_PARENT_IN_REACH = Act.of(UnitPlacement.class,
            "the new parent lies in the caller's reach", "access.unit.parent", (r, p) -> r.covers(p.parent().unitPath()));
    static final Act<RootClaim> OWN_ROOT_ONLY = Act.of(RootClaim.class,
            "a unit without a parent only as the root of the caller's own jurisdiction (its code is the caller's `unit_code`, "
                    + "else 403 `root-not-in-jurisdiction`)",
            "unit.root-jurisdiction", (r, c) -> r.isUnit(c.code()))
            .refusedAs("root-not-in-jurisdiction", c -> new Object[] {c.code()});
    static final Act<Unit> OWN_UNIT_OR_ADMIN = Act.of(Unit.class,
            "an admin for any unit in reach; a liaison or leader only for their own unit (its code is the caller's "
                    + "`unit_code`, else 403 `not-own-unit`); leading a domain grants no write",
            "readiness.not-own-unit", (r, u) -> r.hasRole(ADMIN) || r.isUnit(u.code()))
            .refusedAs("not-own-unit", u -> new Object[] {u.code()});
    static final Act<Unit> FILES_FOR_OWN_UNIT = Act.of(Unit.class,
            "an admin for any unit in reach, its own root unit included; a liaison or leader only for their own unit (its "
                    + "code is the caller's `unit_code`, else 403 `not-own-unit`): a township's liaison does not file for its "
                    + "villages, nor does leading a domain let a unit file for its members",
            "dossier.not-own-unit", (r, u) -> r.hasRole(ADMIN) || r.isUnit(u.code()))
            .refusedAs("not-own-unit", u -> new Object[] {u.code()});
    static final Act<Unit> DOMAIN_OWNER_IN_REACH = Act.of(Unit.class,
            "the caller's reach includes the domain's **owner** and every unit named (lead, member); a domain of an office "
                    + "above the caller is not theirs to change (404)",
            "access.unit.not-visible", (r, u) -> r.covers(u.unitPath()));
    static final Act<Unit> UNIT_IN_REACH_OWN_INCLUDED = Act.of(Unit.class,
            "the unit lies in the caller's reach, the caller's own root unit included: recording a unit's people is work "
                    + "in one's own unit, not the level above's",
            "access.unit.not-visible", (r, u) -> r.covers(u.unitPath()));
    static final Act<Unit> DRAWS_MAP_OF = Act.of(Unit.class,
            "the unit lies in the caller's reach, the caller's own root unit included: an office draws the map of the "
                    + "units under it (a township's office its villages), never its own outline, which is on the map of "
                    + "the office above",
            "access.unit.not-visible", (r, u) -> r.covers(u.unitPath()));
    static final Act<AccountGrant> SEES_GRANT_UNIT = Act.of(AccountGrant.class, "the person's unit lies in the caller's reach",
            "access.unit.not-visible", (r, g) -> r.covers(g.unit().unitPath()));
    static final Act<AccountGrant> GRANTS_WHAT_ITS_LEVEL_MAY = Act.of(AccountGrant.class,
            "account roles are granted and revoked within the admin's reach, its own unit included; the office roles "
                    + "`admin`, `inspector` and `auditor` only by an admin whose own unit (`unit_code`) is a county or above "
                    + "(403 `grant-above-level`): a township office does not appoint the county's supervisors, nor its own",
            "people.grant-above-level", (r, g) -> !g.grantsOfficeRoles() || g.granterIsCountyOrAbove())
            .refusedAs("grant-above-level", g -> new Object[] {g.roles().stream().filter(AccountRole::isOffice)
                    .map(AccountRole::tokenName).sorted().toList()})
            .and(Act.of(AccountGrant.class, "nobody changes the roles of, or ends, their own account (the caller's name, "
                    + "`preferred_username`, is its username): another admin does (403 `own-account`)", "people.own-account",
                    (r, g) -> g.username() == null || !g.username().equalsIgnoreCase(r.subject()))
                    .refusedAs("own-account", g -> new Object[0]));
    static final Act<Unit> OWNER_IN_REACH = Act.of(Unit.class, "the caller's reach includes the new domain's **owner**",
            "access.unit.not-visible", (r, u) -> r.covers(u.unitPath()));
    static final Act<ScoredUnit> SEES_SCORED_UNIT = Act.of(ScoredUnit.class, "the unit lies in the caller's reach",
            "access.unit.not-visible", (r, s) -> r.covers(s.unit().unitPath()));
    static final Act<Unit> SCORES_OWN_UNIT = Act.of(Unit.class,
            "an admin for any unit in reach; a liaison or leader only for their own unit (its code is the caller's "
                    + "`unit_code`, else 403 `not-own-unit`): a self-score is the unit's own word",
            "dossier.not-own-unit", (r, u) -> r.hasRole(ADMIN) || r.isUnit(u.code()))
            .refusedAs("not-own-unit", u -> new Object[] {u.code()});
    static final Act<ScoredUnit> REVIEWS_FOR_CATALOGUE_OWNER = Act.of(ScoredUnit.class,
            "the caller's reach includes the **owner of the catalogue** the unit is judged by (the office that judges "
                    + "it, or one above), and does not lie within the unit: nobody reviews their own unit, nor the office "
                    + "above them (403 otherwise)",
            "scorecard.not-reviewer", (r, s) -> r.covers(s.catalogueOwner().unitPath()) && !r.liesWithin(s.unit().unitPath()));
    static final Act<OwnedCatalogue> SEES_CATALOGUE = Act.of(OwnedCatalogue.class,
            "the catalogue's owner lies in the caller's reach, or the caller lies within the owner's (a township reads the "
                    + "indicators its county and province judge it by)",
            "access.catalogue.not-visible", (r, c) -> seesDomainsOf(r, c.owner()));
    static final Act<Unit> CATALOGUE_OWNER_IN_REACH = Act.of(Unit.class,
            "the caller's reach includes the catalogue's **owner**: an office makes its own catalogues and those of the "
                    + "offices below it",
            "access.unit.not-visible", (r, u) -> r.covers(u.unitPath()));
    static final Act<OwnedCatalogue> EDITS_OWN_CATALOGUE = Act.of(OwnedCatalogue.class,
            "the caller's reach includes the catalogue's **owner**: the offices it judges read it, and only the owner (or an "
                    + "office above it) changes it (403 otherwise)",
            "catalogue.not-owner", (r, c) -> r.covers(c.owner().unitPath()));


    @Override
    public AccessPolicy policy() {
        return AccessPolicy.builder()
                .seen(SEES_UNIT).seen(SEES_UNIT_READ).seen(SEES_PARENT).seen(SEES_ROOT_CLAIM)
                .seen(SEES_DOMAINS_OF).seen(SEES_DOMAIN).seen(SEES_ALL_MEMBERS).seen(SEES_GRANT_UNIT).seen(SEES_CATALOGUE).seen(SEES_SCORED_UNIT)
                .rule(Rule.of("POST", "/units", ADMINS).acting(PARENT_IN_REACH).acting(OWN_ROOT_ONLY))
                .rule(Rule.of("GET", "/units", EVERYONE))
                .rule(Rule.of("GET", "/units/changes", EVERYONE))
                .rule(Rule.of("GET", "/units/by-code/{code}", EVERYONE))
                .rule(Rule.of("GET", "/units/{id}", EVERYONE).acting(SEES_UNIT_READ))
                .rule(Rule.of("PUT", "/units/{id}", ADMINS).acting(LEVEL_ABOVE))
                .rule(Rule.of("POST", "/units/{id}/move", ADMINS).acting(LEVEL_ABOVE).acting(NEW_PARENT_IN_REACH))
                .rule(Rule.of("POST", "/units/{id}/close", ADMINS).acting(LEVEL_ABOVE))
                .rule(Rule.of("POST", "/units/{id}/reopen", ADMINS).acting(LEVEL_ABOVE))
                .rule(Rule.of("GET", "/units/{id}/history", EVERYONE))
                .rule(Rule.of("GET", "/history/checkpoints", CHECKPOINT_KEEPERS))
                .rule(Rule.of("POST", "/history/checkpoints/verification", CHECKPOINT_KEEPERS))
                .rule(Rule.of("GET", "/history/bundle.zip", Set.of(ADMIN, AUDITOR)))
                .rule(Rule.of("GET", "/units/{id}/children", EVERYONE))
                .rule(Rule.of("GET", "/units/{id}/ancestors", EVERYONE))
                .rule(Rule.of("GET", "/units/{id}/boundaries", EVERYONE).acting(SEES_UNIT_READ))
                .rule(Rule.of("PUT", "/units/{id}/boundaries", ADMINS).acting(DRAWS_MAP_OF))
                .rule(Rule.of("GET", "/units/{id}/subtree", EVERYONE))
                .rule(Rule.of("GET", "/units/{id}/subtree/counts", EVERYONE))
                .rule(Rule.of("POST", "/units/import", ADMINS).acting(PARENT_IN_REACH).acting(OWN_ROOT_ONLY))
                .rule(Rule.of("GET", "/units/{id}/readiness", EVERYONE).acting(SEES_UNIT_READ))
                .rule(Rule.of("PUT", "/units/{id}/readiness", UNIT_STAFF).acting(OWN_UNIT_OR_ADMIN))
                .rule(Rule.of("GET", "/readiness", EVERYONE))
                .rule(Rule.of("GET", "/units/{id}/people", EVERYONE))
                .rule(Rule.of("POST", "/units/{id}/people", ADMINS).acting(UNIT_IN_REACH_OWN_INCLUDED)
                        .acting(GRANTS_WHAT_ITS_LEVEL_MAY))
                .rule(Rule.of("GET", "/units/{id}/people/{personId}", EVERYONE))
                .rule(Rule.of("POST", "/units/{id}/people/{personId}/account", ADMINS).acting(UNIT_IN_REACH_OWN_INCLUDED)
                        .acting(GRANTS_WHAT_ITS_LEVEL_MAY))
                .rule(Rule.of("PUT", "/units/{id}/people/{personId}/account/roles", ADMINS).acting(UNIT_IN_REACH_OWN_INCLUDED)
                        .acting(GRANTS_WHAT_ITS_LEVEL_MAY))
                .rule(Rule.of("POST", "/units/{id}/people/{personId}/leave", ADMINS).acting(UNIT_IN_REACH_OWN_INCLUDED)
                        .acting(GRANTS_WHAT_ITS_LEVEL_MAY))
                .rule(Rule.of("POST", "/units/{id}/dossier/activities", UNIT_STAFF).acting(FILES_FOR_OWN_UNIT))
                .rule(Rule.of("POST", "/units/{id}/dossier/documents", UNIT_STAFF).acting(FILES_FOR_OWN_UNIT))
                .rule(Rule.of("GET", "/units/{id}/dossier", EVERYONE))
                .rule(Rule.of("GET", "/units/{id}/dossier/counts", EVERYONE))
                .rule(Rule.of("GET", "/dossier/changes", EVERYONE))
                // a dossier's files: uploaded by who files the dossier, the caller's alone until an entry takes them
                .rule(Rule.of("POST", "/attachments", UNIT_STAFF))
                .rule(Rule.of("OPTIONS", "/attachments/uploads", EVERYONE))
                .rule(Rule.of("POST", "/attachments/uploads", UNIT_STAFF))
                .rule(Rule.of("HEAD", "/attachments/uploads/{id}", UNIT_STAFF))
                .rule(Rule.of("PATCH", "/attachments/uploads/{id}", UNIT_STAFF))
                .rule(Rule.of("DELETE", "/attachments/uploads/{id}", UNIT_STAFF))
                .rule(Rule.of("GET", "/attachments/{id}", EVERYONE))
                .rule(Rule.of("GET", "/attachments/{id}/content", EVERYONE))
                .rule(Rule.of("GET", "/attachments/{id}/thumbnail", EVERYONE))
                .rule(Rule.of("DELETE", "/attachments/{id}", UNIT_STAFF))
                .rule(Rule.of("GET", "/activities/{id}", EVERYONE))
                .rule(Rule.of("PUT", "/activities/{id}", UNIT_STAFF).acting(FILES_FOR_OWN_UNIT))
                .rule(Rule.of("POST", "/activities/{id}/withdraw", UNIT_STAFF).acting(FILES_FOR_OWN_UNIT))
                .rule(Rule.of("GET", "/documents/{id}", EVERYONE))
                .rule(Rule.of("PUT", "/documents/{id}", UNIT_STAFF).acting(FILES_FOR_OWN_UNIT))
                .rule(Rule.of("POST", "/documents/{id}/withdraw", UNIT_STAFF).acting(FILES_FOR_OWN_UNIT))
                .rule(Rule.of("GET", "/domains", EVERYONE).acting(SEES_DOMAINS_OF))
                .rule(Rule.of("POST", "/domains", ADMINS).acting(OWNER_IN_REACH))
                .rule(Rule.of("GET", "/domains/{id}", EVERYONE).acting(SEES_DOMAIN))
                .rule(Rule.of("PUT", "/domains/{id}", ADMINS).acting(DOMAIN_OWNER_IN_REACH))
                .rule(Rule.of("GET", "/domains/{id}/members", EVERYONE).acting(SEES_DOMAIN))
                .rule(Rule.of("POST", "/domains/{id}/members", ADMINS).acting(DOMAIN_OWNER_IN_REACH))
                .rule(Rule.of("DELETE", "/domains/{id}/members/{unitId}", ADMINS).acting(DOMAIN_OWNER_IN_REACH))
                .rule(Rule.of("GET", "/domains/{id}/coverage", EVERYONE).acting(SEES_DOMAIN))
                .rule(Rule.of("GET", "/indicator-catalogues", EVERYONE))
                .rule(Rule.of("POST", "/indicator-catalogues", ADMINS).acting(CATALOGUE_OWNER_IN_REACH))
                .rule(Rule.of("GET", "/indicator-catalogues/{id}", EVERYONE))
                .rule(Rule.of("PUT", "/indicator-catalogues/{id}/sheet", ADMINS).acting(EDITS_OWN_CATALOGUE))
                .rule(Rule.of("GET", "/indicator-catalogues/{id}/sheet.xlsx", EVERYONE))
                .rule(Rule.of("GET", "/indicator-catalogues/{id}/sheet.csv", EVERYONE))
                .rule(Rule.of("POST", "/indicator-catalogues/{id}/publish", ADMINS).acting(EDITS_OWN_CATALOGUE))
                .rule(Rule.of("GET", "/units/{id}/indicators", EVERYONE))
                .rule(Rule.of("GET", "/units/{id}/scorecard", EVERYONE))
                .rule(Rule.of("GET", "/units/{id}/scorecard/rollup", EVERYONE))
                .rule(Rule.of("POST", "/units/{id}/scorecard/self-scores", UNIT_STAFF).acting(SCORES_OWN_UNIT))
                .rule(Rule.of("POST", "/units/{id}/scorecard/reviews", OFFICE).acting(REVIEWS_FOR_CATALOGUE_OWNER))
                .rules(EventAccess.rules("/units"))
                .build();
    }

    /** Domains are seen from below as well: a township works in its county's campaign. */
    private static boolean seesDomainsOf(Reach r, Unit owner) {
        UnitPath place = owner.unitPath();
        return r.covers(place) || r.liesWithin(place);
    }

}
