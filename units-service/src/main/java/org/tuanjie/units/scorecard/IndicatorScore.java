package org.tuanjie.units.scorecard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One score given to a unit on one indicator of a catalogue: kept, never changed, so that a scorecard can be read as
 * of any day; a later score of the same kind replaces it from its time on.
 */
@Entity
@Table(name = "indicator_score")
public class IndicatorScore {

    public static final int NOTE_MAX = 1000;

    @Id
    private UUID id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Column(name = "catalogue_id", nullable = false, updatable = false)
    private UUID catalogueId;

    @Column(nullable = false, updatable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ScoreKind kind;

    @Column(nullable = false, updatable = false)
    private BigDecimal score;

    @Column(updatable = false)
    private String note;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    protected IndicatorScore() {
        // for JPA
    }

    public IndicatorScore(UUID unitId, UUID catalogueId, String code, ScoreKind kind, BigDecimal score, String note,
            OffsetDateTime at, String by) {
        this.id = UUID.randomUUID();
        this.unitId = unitId;
        this.catalogueId = catalogueId;
        this.code = code;
        this.kind = kind;
        this.score = score;
        this.note = note;
        this.recordedAt = at;
        this.recordedBy = by;
    }

    public UUID id() {
        return id;
    }

    public UUID catalogueId() {
        return catalogueId;
    }

    public String code() {
        return code;
    }

    public ScoreKind kind() {
        return kind;
    }

    /** As given (4.5, 6), not as the column keeps it (6.00). */
    public BigDecimal score() {
        return plain(score);
    }

    /** A score as given: 6, not 6.00 as the column keeps it. */
    public static BigDecimal plain(BigDecimal score) {
        return new BigDecimal(score.stripTrailingZeros().toPlainString());
    }

    public String note() {
        return note;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
