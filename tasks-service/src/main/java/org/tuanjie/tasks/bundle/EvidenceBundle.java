package org.tuanjie.tasks.bundle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * An evidence bundle (证据包) someone asked for: the tasks of a unit's subtree over a period, with their timelines
 * and evidence files and the ledger, built in the background into one sealed ZIP. Its unit was in the asker's reach
 * when asked; the bundle is read by whoever may ask for one and has that unit in reach.
 */
@Entity
@Table(name = "evidence_bundle")
public class EvidenceBundle {

    /** Building, then ready to download or failed; expired ones are gone. */
    public enum State { BUILDING, READY, FAILED }

    @Id
    private UUID id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Column(name = "unit_code", nullable = false, updatable = false)
    private String unitCode;

    @Column(name = "unit_name", nullable = false, updatable = false)
    private String unitName;

    @Column(name = "unit_path", nullable = false, updatable = false)
    private String unitPath;

    @Column(name = "period_from", nullable = false, updatable = false)
    private LocalDate from;

    @Column(name = "period_to", nullable = false, updatable = false)
    private LocalDate to;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    private String store;

    @Column(name = "size_bytes")
    private Long size;

    private String sha256;

    private Integer tasks;

    private Integer files;

    private String failure;

    protected EvidenceBundle() {
        // for JPA
    }

    public EvidenceBundle(UUID unitId, String unitCode, String unitName, String unitPath, LocalDate from, LocalDate to,
            String requestedBy, OffsetDateTime expiresAt) {
        this.id = UUID.randomUUID();
        this.unitId = unitId;
        this.unitCode = unitCode;
        this.unitName = unitName;
        this.unitPath = unitPath;
        this.from = from;
        this.to = to;
        this.state = State.BUILDING;
        this.requestedBy = requestedBy;
        this.requestedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.expiresAt = expiresAt;
    }

    public void ready(String store, long size, String sha256, int tasks, int files) {
        this.state = State.READY;
        this.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.store = store;
        this.size = size;
        this.sha256 = sha256;
        this.tasks = tasks;
        this.files = files;
    }

    public void failed(String failure) {
        this.state = State.FAILED;
        this.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.failure = failure;
    }

    public UUID id() {
        return id;
    }

    public UUID unitId() {
        return unitId;
    }

    public String unitCode() {
        return unitCode;
    }

    public String unitName() {
        return unitName;
    }

    public String unitPath() {
        return unitPath;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    public State state() {
        return state;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public String store() {
        return store;
    }

    public Long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public Integer tasks() {
        return tasks;
    }

    public Integer files() {
        return files;
    }

    public String failure() {
        return failure;
    }

    /** The name its ZIP is kept under in the file store. */
    public String blobName() {
        return "bundle-" + id + ".zip";
    }
}
