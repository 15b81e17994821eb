package org.tuanjie.units.indicators;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tuanjie.platform.audit.Audited;
import org.tuanjie.units.unit.Unit;

/**
 * The evaluation indicators (测评指标) of one campaign year as an office publishes them: the province's for its
 * counties, or a county's own. Edited as a draft by replacing its table whole (the sheet it circulates as); published,
 * it is what units are judged by and stays as it was, so an old scorecard can always be explained. A correction is
 * the next edition of the year.
 */
@Entity
@Table(name = "indicator_catalogue")
public class IndicatorCatalogue extends Audited {

    public static final int TITLE_MAX_LENGTH = 200;

    @Id
    private UUID id;

    @Column(name = "owner_unit_id", nullable = false, updatable = false)
    private UUID ownerUnitId;

    @Column(name = "campaign_year", nullable = false, updatable = false)
    private int year;

    @Column(nullable = false, updatable = false)
    private int edition;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CatalogueState state;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "published_by")
    private String publishedBy;

    protected IndicatorCatalogue() {
        // for JPA
    }

    /** @param edition one more than the owner's last of the year */
    public static IndicatorCatalogue draft(Unit owner, int year, int edition, String title) {
        if (!owner.kind().isRegion()) {
            throw new IndicatorExceptions.OwnerNotARegion();
        }
        IndicatorCatalogue catalogue = new IndicatorCatalogue();
        catalogue.id = UUID.randomUUID();
        catalogue.ownerUnitId = owner.id();
        catalogue.year = year;
        catalogue.edition = edition;
        catalogue.title = title;
        catalogue.state = CatalogueState.DRAFT;
        return catalogue;
    }

    /** The rows that replace the draft's table, in the order given. */
    public List<Indicator> replaceWith(IndicatorTable table) {
        requireDraft();
        List<Indicator> rows = new ArrayList<>();
        for (IndicatorDefinition definition : table.rows()) {
            rows.add(Indicator.of(id, rows.size(), definition));
        }
        return rows;
    }

    /** @param indicators how many the draft holds: an empty catalogue judges nobody */
    public void publish(long indicators, String by, OffsetDateTime at) {
        requireDraft();
        if (indicators == 0) {
            throw new IndicatorExceptions.CatalogueEmpty();
        }
        state = CatalogueState.PUBLISHED;
        publishedAt = at;
        publishedBy = by;
    }

    private void requireDraft() {
        if (state != CatalogueState.DRAFT) {
            throw new IndicatorExceptions.CataloguePublished(year, edition);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID ownerUnitId() {
        return ownerUnitId;
    }

    public int year() {
        return year;
    }

    public int edition() {
        return edition;
    }

    public String title() {
        return title;
    }

    public CatalogueState state() {
        return state;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }

    public String publishedBy() {
        return publishedBy;
    }
}
