package org.tuanjie.units.indicators;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tuanjie.units.dossier.ActivityKind;
import org.tuanjie.units.unit.UnitKind;

/** One indicator of a catalogue, as stored: written with its catalogue's draft, never changed once published. */
@Entity
@Table(name = "indicator")
public class Indicator {

    @Id
    private UUID id;

    @Column(name = "catalogue_id", nullable = false, updatable = false)
    private UUID catalogueId;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false, updatable = false)
    private int position;

    @Column(name = "parent_code", updatable = false)
    private String parentCode;

    @Column(name = "title_zh", nullable = false, updatable = false)
    private String titleZh;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private Map<String, String> titles;

    @Column(nullable = false, updatable = false)
    private BigDecimal points;

    @Column(name = "unit_kinds", nullable = false, updatable = false, columnDefinition = "text[]")
    private String[] unitKinds;

    @Column(nullable = false, updatable = false, columnDefinition = "text[]")
    private String[] domains;

    @Enumerated(EnumType.STRING)
    @Column(name = "measured_by", nullable = false, updatable = false)
    private MeasuredBy measuredBy;

    @Column(name = "expected_documents", nullable = false, updatable = false)
    private int expectedDocuments;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "expected_activities", nullable = false, updatable = false)
    private Map<String, Integer> expectedActivities;

    protected Indicator() {
        // for JPA
    }

    static Indicator of(UUID catalogueId, int position, IndicatorDefinition definition) {
        Indicator indicator = new Indicator();
        indicator.id = UUID.randomUUID();
        indicator.catalogueId = catalogueId;
        indicator.position = position;
        indicator.code = definition.code().value();
        indicator.parentCode = definition.parent() == null ? null : definition.parent().value();
        indicator.titleZh = definition.titles().chinese();
        indicator.titles = definition.titles().byLanguage();
        indicator.points = definition.points();
        indicator.unitKinds = definition.unitKinds().stream().map(Enum::name).sorted().toArray(String[]::new);
        indicator.domains = definition.domains().stream().sorted().toArray(String[]::new);
        indicator.measuredBy = definition.measuredBy();
        indicator.expectedDocuments = definition.expectedDocuments();
        indicator.expectedActivities = definition.expectedActivities().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
        return indicator;
    }

    public UUID catalogueId() {
        return catalogueId;
    }

    public int position() {
        return position;
    }

    public IndicatorDefinition definition() {
        Map<ActivityKind, Integer> activities = new EnumMap<>(ActivityKind.class);
        expectedActivities.forEach((kind, count) -> activities.put(ActivityKind.valueOf(kind), count));
        Set<UnitKind> kinds = Arrays.stream(unitKinds).map(UnitKind::valueOf).collect(Collectors.toSet());
        return new IndicatorDefinition(new IndicatorCode(code), parentCode == null ? null : new IndicatorCode(parentCode),
                new IndicatorTitles(titles), points, kinds, Set.of(domains), measuredBy, expectedDocuments, activities);
    }
}
