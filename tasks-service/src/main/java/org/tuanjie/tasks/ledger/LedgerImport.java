package org.tuanjie.tasks.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A rectification ledger (整改台账) brought in from before the suite: which office brought it in, who, when, the
 * file's SHA-256 (the same file is never brought in twice) and what it made. Never changed after.
 */
@Entity
@Table(name = "ledger_import")
public class LedgerImport {

    @Id
    private UUID id;

    @Column(name = "owner_code", nullable = false, updatable = false)
    private String ownerCode;

    @Column(name = "owner_path", nullable = false, updatable = false)
    private String ownerPath;

    @Column(name = "file_sha256", nullable = false, updatable = false)
    private String fileSha256;

    @Column(name = "file_rows", nullable = false, updatable = false)
    private int fileRows;

    @Column(nullable = false, updatable = false)
    private int inspections;

    @Column(nullable = false, updatable = false)
    private int findings;

    @Column(nullable = false, updatable = false)
    private int tasks;

    @Column(name = "imported_at", nullable = false, updatable = false)
    private OffsetDateTime importedAt;

    @Column(name = "imported_by", nullable = false, updatable = false)
    private String importedBy;

    protected LedgerImport() {
        // for JPA
    }

    public LedgerImport(UUID id, String ownerCode, String ownerPath, String fileSha256, int fileRows, int inspections,
            int findings, int tasks, String importedBy) {
        this.id = id;
        this.ownerCode = ownerCode;
        this.ownerPath = ownerPath;
        this.fileSha256 = fileSha256;
        this.fileRows = fileRows;
        this.inspections = inspections;
        this.findings = findings;
        this.tasks = tasks;
        this.importedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.importedBy = importedBy;
    }

    public UUID id() {
        return id;
    }

    public String ownerPath() {
        return ownerPath;
    }

    public String fileSha256() {
        return fileSha256;
    }

    public OffsetDateTime importedAt() {
        return importedAt;
    }

    public String importedBy() {
        return importedBy;
    }
}
