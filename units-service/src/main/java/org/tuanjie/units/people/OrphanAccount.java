package org.tuanjie.units.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An account the identity server holds although the write that made it did not commit, left (disabled) because
 * the identity server could not be reached to remove it. Kept until it is removed.
 */
@Entity
@Table(name = "orphan_account")
public class OrphanAccount {

    @Id
    @Column(name = "account_id")
    private String accountId;

    @Column(nullable = false)
    private String username;

    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    protected OrphanAccount() {
        // for JPA
    }

    public OrphanAccount(String accountId, String username) {
        this.accountId = accountId;
        this.username = username;
        this.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String accountId() {
        return accountId;
    }

    public String username() {
        return username;
    }
}
