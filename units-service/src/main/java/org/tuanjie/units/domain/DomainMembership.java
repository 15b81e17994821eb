package org.tuanjie.units.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A member unit of a campaign domain.
 */
@Entity
@Table(name = "campaign_domain_member")
public class DomainMembership {

    @EmbeddedId
    private Key key;

    @Column(name = "added_at", nullable = false)
    private OffsetDateTime addedAt;

    @Column(name = "added_by", nullable = false)
    private String addedBy;

    protected DomainMembership() {
        // for JPA
    }

    DomainMembership(UUID domainId, UUID unitId, String by) {
        this.key = new Key(domainId, unitId);
        this.addedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.addedBy = by;
    }

    public Key key() {
        return key;
    }

    public OffsetDateTime addedAt() {
        return addedAt;
    }

    public String addedBy() {
        return addedBy;
    }

    @Embeddable
    public record Key(@Column(name = "domain_id") UUID domainId, @Column(name = "unit_id") UUID unitId)
            implements Serializable {
    }
}
