package org.tuanjie.units.readiness;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tuanjie.platform.audit.Audited;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.units.dossier.DossierDocument;
import org.tuanjie.units.readiness.ReadinessExceptions.DocumentOfAnotherUnit;
import org.tuanjie.units.readiness.ReadinessExceptions.DocumentWithdrawn;

/**
 * What a unit has in place for the campaign. Score, completeness and the "三无" flag are derived
 * here, on every change, and stored only so that lists can filter on them. The leading group is set up
 * by a document: one of the unit's own dossier, linked (its number and date are the document's), or, as
 * profiles recorded it before the dossier existed, a number and date typed in.
 */
@Entity
@Table(name = "unit_readiness")
public class ReadinessProfile extends Audited {

    @Id
    @Column(name = "unit_id")
    private UUID unitId;

    @Column(name = "staff_count", nullable = false)
    private int staffCount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "staff_names", nullable = false)
    private List<String> staffNames = new ArrayList<>();

    @Column(nullable = false)
    private boolean office;

    @Column(name = "office_location")
    private String officeLocation;

    @Column(name = "leading_group_doc_no")
    private String leadingGroupDocNo;

    @Column(name = "leading_group_date")
    private LocalDate leadingGroupDate;

    @Column(name = "leading_group_document_id")
    private UUID leadingGroupDocumentId;

    @Column(name = "work_plan", nullable = false)
    private boolean workPlan;

    @Column(nullable = false)
    private boolean signage;

    @Column(nullable = false)
    private boolean equipment;

    @Column(name = "principal_leader_name")
    private String principalLeaderName;

    @Column(name = "principal_leader_phone")
    private String principalLeaderPhone;

    @Column(name = "liaison_name")
    private String liaisonName;

    @Column(name = "liaison_phone")
    private String liaisonPhone;

    @Column(nullable = false)
    private int score;

    @Column(nullable = false)
    private boolean complete;

    @Column(name = "three_none", nullable = false)
    private boolean threeNone;

    protected ReadinessProfile() {
        // for JPA
    }

    /** An empty profile: a new unit has nothing in place yet. */
    public static ReadinessProfile emptyFor(UUID unitId) {
        ReadinessProfile profile = new ReadinessProfile();
        profile.unitId = unitId;
        profile.derive();
        return profile;
    }

    /**
     * Every item but the principal leader and liaison, which are the unit's people ({@link #peopleAre}).
     *
     * @param leadingGroupDocument the document of this unit's dossier that set up its leading group, or null to take
     *                             the number and date typed into the facts (the way before the dossier, still accepted);
     *                             with a document, typed ones may only repeat its number and date
     */
    public void update(ReadinessFacts facts, DossierDocument leadingGroupDocument) {
        if (leadingGroupDocument == null) {
            leadingGroupDocumentId = null;
            leadingGroupDocNo = facts.leadingGroupDocNo();
            leadingGroupDate = facts.leadingGroupDate();
        } else {
            link(leadingGroupDocument, facts);
        }
        staffCount = facts.staffCount();
        staffNames = new ArrayList<>(facts.staffNames());
        office = facts.office();
        officeLocation = facts.officeLocation();
        workPlan = facts.workPlan();
        signage = facts.signage();
        equipment = facts.equipment();
        derive();
    }

    private void link(DossierDocument document, ReadinessFacts facts) {
        if (!document.unitId().equals(unitId)) {
            throw new DocumentOfAnotherUnit(document.id());
        }
        if (document.isWithdrawn()) {
            throw new DocumentWithdrawn(document.id());
        }
        if (facts.leadingGroupDocNo() != null && !facts.leadingGroupDocNo().equals(document.number())) {
            throw new Problems.InvalidInput(new Violation("leadingGroupDocNo", "readiness.leading-group-linked"));
        }
        if (facts.leadingGroupDate() != null && !facts.leadingGroupDate().equals(document.date())) {
            throw new Problems.InvalidInput(new Violation("leadingGroupDate", "readiness.leading-group-linked"));
        }
        leadingGroupDocumentId = document.id();
        // the document says them: a copy here would go stale when it is revised
        leadingGroupDocNo = null;
        leadingGroupDate = null;
    }

    /**
     * The principal leader and liaison items: the unit's current LEADER and LIAISON among its people (null: none),
     * never typed into the profile.
     */
    public void peopleAre(String leaderName, String leaderPhone, String liaisonName, String liaisonPhone) {
        principalLeaderName = leaderName;
        principalLeaderPhone = leaderPhone;
        this.liaisonName = liaisonName;
        this.liaisonPhone = liaisonPhone;
        derive();
    }

    public Set<ReadinessItem> missing() {
        Set<ReadinessItem> missing = EnumSet.noneOf(ReadinessItem.class);
        if (staffCount == 0) {
            missing.add(ReadinessItem.DEDICATED_STAFF);
        }
        if (!office) {
            missing.add(ReadinessItem.OFFICE);
        }
        if (leadingGroupDocNo == null && leadingGroupDocumentId == null) {
            missing.add(ReadinessItem.LEADING_GROUP);
        }
        if (!workPlan) {
            missing.add(ReadinessItem.WORK_PLAN);
        }
        if (!signage) {
            missing.add(ReadinessItem.SIGNAGE);
        }
        if (!equipment) {
            missing.add(ReadinessItem.EQUIPMENT);
        }
        if (principalLeaderName == null) {
            missing.add(ReadinessItem.PRINCIPAL_LEADER);
        }
        if (liaisonName == null) {
            missing.add(ReadinessItem.LIAISON);
        }
        return missing;
    }

    private void derive() {
        Set<ReadinessItem> missing = missing();
        int items = ReadinessItem.values().length;
        score = Math.round(100f * (items - missing.size()) / items);
        complete = missing.isEmpty();
        threeNone = missing.containsAll(EnumSet.of(ReadinessItem.DEDICATED_STAFF, ReadinessItem.OFFICE,
                ReadinessItem.LEADING_GROUP));
    }

    public UUID unitId() {
        return unitId;
    }

    /** The dossier document that set up the unit's leading group, when one is linked. */
    public UUID leadingGroupDocumentId() {
        return leadingGroupDocumentId;
    }

    public boolean links(DossierDocument document) {
        return Objects.equals(leadingGroupDocumentId, document.id());
    }

    public ReadinessFacts facts() {
        return new ReadinessFacts(staffCount, List.copyOf(staffNames), office, officeLocation, leadingGroupDocNo,
                leadingGroupDate, workPlan, signage, equipment, principalLeaderName, principalLeaderPhone,
                liaisonName, liaisonPhone);
    }

    public int score() {
        return score;
    }

    public boolean isComplete() {
        return complete;
    }

    public boolean isThreeNone() {
        return threeNone;
    }
}
