package org.tuanjie.units.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tuanjie.platform.audit.Audited;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitNames;

/**
 * One "9+N进" campaign domain of a jurisdiction (ethnic unity entering organs, schools, ...): its
 * lead unit (牵头单位) and, through {@link DomainMembership}, its member units. Lead and members must
 * lie inside the owning jurisdiction. The lead reads the members across subtrees.
 */
@Entity
@Table(name = "campaign_domain")
public class CampaignDomain extends Audited {

    @Id
    private UUID id;

    @Column(name = "owner_unit_id", nullable = false, updatable = false)
    private UUID ownerUnitId;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> names;

    @Column(nullable = false, updatable = false)
    private boolean standard;

    @Column(name = "lead_unit_id")
    private UUID leadUnitId;

    protected CampaignDomain() {
        // for JPA
    }

    public static CampaignDomain standard(Unit owner, StandardDomain domain) {
        return create(owner, domain.name(), domain.names(), true);
    }

    public static CampaignDomain local(Unit owner, String code, UnitNames names) {
        return create(owner, code, names, false);
    }

    private static CampaignDomain create(Unit owner, String code, UnitNames names, boolean standard) {
        if (!owner.kind().isRegion()) {
            throw new DomainExceptions.OwnerNotARegion();
        }
        CampaignDomain domain = new CampaignDomain();
        domain.id = UUID.randomUUID();
        domain.ownerUnitId = owner.id();
        domain.code = code;
        domain.standard = standard;
        domain.rename(names);
        return domain;
    }

    public void rename(UnitNames newNames) {
        this.names = newNames.byLanguage();
        this.nameZh = newNames.chinese();
    }

    /** @param owner this domain's owner, to check that the lead lies in its jurisdiction */
    public void appointLead(Unit lead, Unit owner) {
        requireOwner(owner);
        if (lead == null) {
            this.leadUnitId = null;
            return;
        }
        if (!lead.isWithin(owner.path())) {
            throw new DomainExceptions.UnitOutsideOwner(lead.code());
        }
        this.leadUnitId = lead.id();
    }

    public DomainMembership admit(Unit member, Unit owner, String by) {
        requireOwner(owner);
        if (!member.isWithin(owner.path())) {
            throw new DomainExceptions.UnitOutsideOwner(member.code());
        }
        return new DomainMembership(id, member.id(), by);
    }

    /**
     * The lead unit coordinates the domain's members, so it reads them (read-only) though they lie in
     * other subtrees; nobody else gains a read by the domain, not even the units above the lead.
     *
     * @param reader the unit named by the caller's token
     * @param member a member unit of this domain
     * @param owner  this domain's owner: members that have left its jurisdiction are not the lead's to read
     */
    public boolean letsLeadRead(Unit reader, Unit member, Unit owner) {
        requireOwner(owner);
        return leadUnitId != null && leadUnitId.equals(reader.id()) && member.isWithin(owner.path());
    }

    private void requireOwner(Unit owner) {
        if (!owner.id().equals(ownerUnitId)) {
            throw new IllegalArgumentException("not this domain's owner");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID ownerUnitId() {
        return ownerUnitId;
    }

    public String code() {
        return code;
    }

    public Map<String, String> names() {
        return names;
    }

    public boolean isStandard() {
        return standard;
    }

    public UUID leadUnitId() {
        return leadUnitId;
    }
}
