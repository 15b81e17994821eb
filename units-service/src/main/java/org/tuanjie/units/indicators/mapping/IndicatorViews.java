package org.tuanjie.units.indicators.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.units.dossier.ActivityKind;
import org.tuanjie.units.indicators.CatalogueState;
import org.tuanjie.units.indicators.IndicatorCatalogue;
import org.tuanjie.units.indicators.IndicatorCode;
import org.tuanjie.units.indicators.IndicatorDefinition;
import org.tuanjie.units.indicators.IndicatorTable;
import org.tuanjie.units.indicators.IndicatorTitles;
import org.tuanjie.units.indicators.MeasuredBy;
import org.tuanjie.units.indicators.OwnedCatalogue;
import org.tuanjie.units.indicators.service.CatalogueService;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitNames;
import org.tuanjie.units.unit.mapping.UnitView;

/** Wire forms of indicator catalogues and their indicators. */
public final class IndicatorViews {

    private IndicatorViews() {
    }

    @Schema(name = "IndicatorCatalogueSummary", description = "A catalogue of evaluation indicators (测评指标) of one campaign year")
    public record CatalogueSummary(UUID id, UUID ownerUnitId,
            @Schema(example = "513330000000", maxLength = UnitView.CODE_MAX) String ownerCode,
            @Schema(example = "德格县", maxLength = UnitNames.MAX_LENGTH) String ownerName,
            @Schema(example = "2026", minimum = "2000", maximum = "2100") int year,
            @Schema(description = "1 for the year's first; a correction of a published one is the next", example = "1",
                    minimum = "1") int edition,
            @Schema(example = "2026年民族团结进步示范县测评指标", maxLength = IndicatorCatalogue.TITLE_MAX_LENGTH) String title,
            @Schema(description = "DRAFT: edited by importing its sheet; PUBLISHED: what units are judged by, never changed")
            CatalogueState state,
            OffsetDateTime publishedAt, @Schema(maxLength = UnitView.SUBJECT_MAX) String publishedBy,
            OffsetDateTime updatedAt, @Schema(maxLength = UnitView.SUBJECT_MAX) String updatedBy, long version) {
    }

    @Schema(name = "IndicatorCatalogue", description = "A catalogue with its indicators in order, parents before their children")
    public record CatalogueView(UUID id, UUID ownerUnitId,
            @Schema(example = "513330000000", maxLength = UnitView.CODE_MAX) String ownerCode,
            @Schema(example = "德格县", maxLength = UnitNames.MAX_LENGTH) String ownerName,
            @Schema(example = "2026", minimum = "2000", maximum = "2100") int year,
            @Schema(example = "1", minimum = "1") int edition,
            @Schema(maxLength = IndicatorCatalogue.TITLE_MAX_LENGTH) String title, CatalogueState state,
            OffsetDateTime publishedAt, @Schema(maxLength = UnitView.SUBJECT_MAX) String publishedBy,
            @Schema(description = "Points of the whole table: its top-level indicators' sum", example = "100") BigDecimal totalPoints,
            @Schema(maxItems = IndicatorTable.MAX_INDICATORS) List<IndicatorView> indicators,
            OffsetDateTime updatedAt, @Schema(maxLength = UnitView.SUBJECT_MAX) String updatedBy, long version) {
    }

    @Schema(name = "Indicator", description = "One evaluation indicator: points, to whom it applies, what evidence it expects")
    public record IndicatorView(
            @Schema(example = "3.2.1", maxLength = IndicatorCode.MAX_LENGTH, pattern = IndicatorCode.FORM) String code,
            @Schema(description = "The indicator it details; its points are the sum of its children's",
                    maxLength = IndicatorCode.MAX_LENGTH, pattern = IndicatorCode.FORM) String parentCode,
            @Schema(example = "{\"zh\": \"建立创建工作领导小组并印发文件\"}", additionalProperties = Title.class)
            Map<String, String> titles,
            @Schema(example = "4", minimum = "0.01", maximum = "10000") BigDecimal points,
            @Schema(description = "Kinds of unit it applies to; none: every kind", maxItems = UnitKind.NUMBER_OF_KINDS)
            Set<UnitKind> unitKinds,
            @Schema(description = "Codes of the \"9+N进\" domains it applies to (a member of any); none: every unit",
                    maxItems = 100) Set<@Size(max = 40) String> domains,
            @Schema(description = "SUITE: from the evidence on the unit's dossier; REVIEWER: a reviewer scores it")
            MeasuredBy measuredBy,
            @Schema(description = "Documents expected on file under this code", minimum = "0", maximum = "1000")
            int expectedDocuments,
            @Schema(description = "Activities expected on file under this code, by kind", example = "{\"PUBLICITY\": 3}",
                    additionalProperties = Count.class) Map<ActivityKind, Integer> expectedActivities) {
    }

    @Schema(name = "IndicatorTitle", maxLength = IndicatorTitles.MAX_LENGTH)
    public interface Title {
    }

    @Schema(name = "ExpectedCount", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER,
            minimum = "1", maximum = "1000")
    public interface Count {
    }

    @Schema(name = "NewIndicatorCatalogue")
    public record NewCatalogue(
            @NotNull @Schema(description = "The office (a region) whose catalogue it is: its units are judged by it")
            UUID ownerUnitId,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2026") Integer year,
            @NotBlank @Size(max = IndicatorCatalogue.TITLE_MAX_LENGTH) @Schema(example = "2026年民族团结进步示范县测评指标")
            String title) {
    }

    @Schema(name = "IndicatorSheetImport", description = "What importing a catalogue's sheet did, or would do (dry run)")
    public record SheetImport(boolean dryRun,
            @Schema(example = "42", minimum = "1", maximum = "2000") int indicators,
            @Schema(description = "Indicators with no children: where evidence is counted", example = "30") int leaves,
            @Schema(example = "100") BigDecimal totalPoints,
            @Schema(description = "The catalogue's version now (its ETag for the next change)") long version) {
    }

    @Schema(name = "UnitIndicators", description = "The indicators a unit is judged by in a year")
    public record UnitIndicatorsView(UUID unitId, @Schema(example = "2026") int year,
            @Schema(description = "The catalogue in force: the latest published edition of the nearest office above "
                    + "(or at) the unit that has one; absent when none has") CatalogueSummary catalogue,
            @Schema(description = "Those that apply to the unit's kind and domains", maxItems = IndicatorTable.MAX_INDICATORS)
            List<IndicatorView> indicators) {
    }

    public static CatalogueSummary toSummary(OwnedCatalogue owned) {
        IndicatorCatalogue c = owned.catalogue();
        Unit o = owned.owner();
        return new CatalogueSummary(c.id(), o.id(), o.code(), o.nameZh(), c.year(), c.edition(), c.title(), c.state(),
                c.publishedAt(), c.publishedBy(), c.updatedAt(), c.updatedBy(), c.version());
    }

    public static CatalogueView toView(CatalogueService.CatalogueRead read) {
        IndicatorCatalogue c = read.catalogue();
        BigDecimal total = read.indicators().stream().filter(i -> i.parent() == null).map(IndicatorDefinition::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CatalogueView(c.id(), read.owner().id(), read.owner().code(), read.owner().nameZh(), c.year(), c.edition(),
                c.title(), c.state(), c.publishedAt(), c.publishedBy(), total,
                read.indicators().stream().map(IndicatorViews::toView).toList(), c.updatedAt(), c.updatedBy(), c.version());
    }

    public static IndicatorView toView(IndicatorDefinition i) {
        return new IndicatorView(i.code().value(), i.parent() == null ? null : i.parent().value(), i.titles().byLanguage(),
                i.points(), i.unitKinds(), i.domains(), i.measuredBy(), i.expectedDocuments(), i.expectedActivities());
    }

    public static SheetImport toView(CatalogueService.Replaced replaced) {
        return new SheetImport(replaced.dryRun(), replaced.table().rows().size(), replaced.table().leaves().size(),
                replaced.table().totalPoints(), replaced.catalogue().version());
    }
}
