package org.tuanjie.units.scorecard.mapping;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.problem.Messages;
import org.tuanjie.units.dossier.ActivityKind;
import org.tuanjie.units.indicators.IndicatorCode;
import org.tuanjie.units.indicators.IndicatorTable;
import org.tuanjie.units.indicators.MeasuredBy;
import org.tuanjie.units.indicators.mapping.IndicatorViews.CatalogueSummary;
import org.tuanjie.units.indicators.mapping.IndicatorViews;
import org.tuanjie.units.readiness.ReadinessItem;
import org.tuanjie.units.scorecard.Evidence;
import org.tuanjie.units.scorecard.IndicatorScore;
import org.tuanjie.units.scorecard.Rollup;
import org.tuanjie.units.scorecard.ScoreKind;
import org.tuanjie.units.scorecard.Scorecard;
import org.tuanjie.units.scorecard.service.ScorecardService.Card;
import org.tuanjie.units.scorecard.service.ScorecardService;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitNames;
import org.tuanjie.units.unit.mapping.UnitView;

/** Wire forms of scorecards and scores. */
public final class ScorecardViews {

    private ScorecardViews() {
    }

    @Schema(name = "Scorecard", description = "A unit against the indicators it is judged by (创建测评自查), as of a day")
    public record ScorecardView(UUID unitId, @Schema(maxLength = UnitView.CODE_MAX) String unitCode,
            @Schema(maxLength = UnitNames.MAX_LENGTH) String unitName, @Schema(example = "2026") int year,
            @Schema(description = "The day it stands as of (its end, Asia/Shanghai)") LocalDate asOf,
            @Schema(description = "The catalogue in force that day; absent when none was") CatalogueSummary catalogue,
            @Schema(description = "Points of the indicators that apply to the unit", example = "80") BigDecimal points,
            @Schema(description = "Earned, nothing open against them", example = "52") BigDecimal secured,
            @Schema(description = "Earned, but a finding naming them is not rectified", example = "10") BigDecimal atRisk,
            @Schema(description = "Not earned: evidence missing, awaiting review, or scored below", example = "18") BigDecimal missing,
            @Schema(description = "Ready for the acceptance check: nothing missing, nothing at risk, readiness complete")
            boolean ready,
            @Schema(description = "Why it is not ready, in your language", maxItems = IndicatorTable.MAX_INDICATORS + 2)
            List<ReasonView> reasons,
            @Schema(description = "Each indicator that applies, parents before their children", maxItems = IndicatorTable.MAX_INDICATORS)
            List<RowView> indicators) {
    }

    @Schema(name = "ScorecardReason")
    public record ReasonView(Scorecard.ReasonKind kind,
            @Schema(maxLength = IndicatorCode.MAX_LENGTH) String code,
            @Schema(example = "指标 2.1：尚缺宣传活动 2 次", maxLength = 1000) String message) {
    }

    @Schema(name = "ScorecardIndicator")
    public record RowView(@Schema(maxLength = IndicatorCode.MAX_LENGTH) String code,
            @Schema(maxLength = IndicatorCode.MAX_LENGTH) String parentCode,
            @Schema(maxLength = 500) String title, @Schema(description = "No indicator below it: evidence and scores count here")
            boolean leaf, MeasuredBy measuredBy,
            @Schema(description = "Its points for this unit (a parent: those of its leaves that apply)") BigDecimal points,
            EvidenceView expected, EvidenceView onFile,
            @Schema(description = "Still to be filed for the evidence expected") EvidenceView lacking,
            BigDecimal selfScore, BigDecimal reviewScore,
            @Schema(description = "Findings naming it or an indicator above it, not yet rectified", minimum = "0") int openFindings,
            Scorecard.Status status, BigDecimal secured, BigDecimal atRisk, BigDecimal missing) {
    }

    @Schema(name = "ScorecardEvidence")
    public record EvidenceView(@Schema(minimum = "0") int documents,
            @Schema(description = "Activities by kind", additionalProperties = Integer.class) Map<ActivityKind, Integer> activities) {
    }

    @Schema(name = "NewIndicatorScore")
    public record NewScore(
            @Min(2000) @Max(2100) @Schema(description = "Campaign year; this year when absent", example = "2026") Integer year,
            @NotNull @Size(max = IndicatorCode.MAX_LENGTH) @Pattern(regexp = "[A-Za-z0-9]{1,8}(\\.[A-Za-z0-9]{1,8}){0,4}")
            @Schema(example = "2.2") String code,
            @NotNull @DecimalMin("0") @DecimalMax("10000") @Digits(integer = 5, fraction = 2) @Schema(example = "4.5") BigDecimal score,
            @Size(max = IndicatorScore.NOTE_MAX) @Schema(example = "双语标语已悬挂，展板内容待更新") String note) {
    }

    @Schema(name = "IndicatorScore", description = "A score given to a unit on one indicator; a later one of the same kind replaces it")
    public record ScoreView(UUID id, UUID unitId, @Schema(maxLength = IndicatorCode.MAX_LENGTH) String code,
            @Schema(description = "SELF: the unit's own (自评); REVIEW: a reviewer's (评审)") ScoreKind kind, BigDecimal score,
            @Schema(maxLength = IndicatorScore.NOTE_MAX) String note, OffsetDateTime recordedAt,
            @Schema(maxLength = UnitView.SUBJECT_MAX) String recordedBy) {
    }

    @Schema(name = "ScorecardTotals", description = "Scorecards added up over a group of units")
    public record TotalsView(@Schema(minimum = "0") int units,
            @Schema(description = "Units ready for the acceptance check", minimum = "0") int ready,
            BigDecimal points, BigDecimal secured, BigDecimal atRisk, BigDecimal missing,
            @Schema(description = "Secured points over points (0 to 1)", example = "0.72") double securedRate) {
    }

    @Schema(name = "ScorecardGroup", description = "A unit directly below, with every unit below it")
    public record GroupView(UUID unitId, @Schema(maxLength = UnitView.CODE_MAX) String code,
            @Schema(maxLength = UnitNames.MAX_LENGTH) String name, UnitKind kind, TotalsView totals) {
    }

    @Schema(name = "ScorecardDomainGroup", description = "A \"9+N进\" domain, over its members in the subtree")
    public record DomainGroupView(UUID domainId, @Schema(maxLength = 40) String code,
            @Schema(maxLength = UnitNames.MAX_LENGTH) String name, TotalsView totals) {
    }

    @Schema(name = "ScorecardSpread", description = "The spread of the secured rate between groups: the report's uneven progress, as a number")
    public record SpreadView(@Schema(minimum = "0") int groups, double mean, double standardDeviation,
            @Schema(description = "Standard deviation over mean; absent when the mean is 0") Double coefficientOfVariation) {
    }

    @Schema(name = "ScorecardRollup", description = "The scorecards of a unit's subtree added up, as of a day")
    public record RollupView(UUID unitId, @Schema(maxLength = UnitView.CODE_MAX) String unitCode,
            @Schema(maxLength = UnitNames.MAX_LENGTH) String unitName, @Schema(example = "2026") int year, LocalDate asOf,
            @Schema(description = "Every open unit of the subtree, the unit itself included") TotalsView total,
            @Schema(description = "Each region directly below (a county's townships), with its villages and organizations",
                    maxItems = 10000) List<GroupView> regions,
            @Schema(description = "The spread between those regions") SpreadView regionSpread,
            @Schema(description = "Each organization directly below (a county's departments), with what lies below it",
                    maxItems = 10000) List<GroupView> departments,
            @Schema(description = "The spread between those departments") SpreadView departmentSpread,
            @Schema(description = "Each \"9+N进\" domain with members in the subtree, over them", maxItems = 1000)
            List<DomainGroupView> domains,
            @Schema(description = "Whether tasks-service said which findings are open (else nothing is counted at risk)")
            boolean findingsKnown) {
    }

    public static RollupView toView(ScorecardService.Groups g) {
        return new RollupView(g.root().id(), g.root().code(), g.root().nameZh(), g.year(), g.asOf(), totals(g.total()),
                g.regions().stream().map(ScorecardViews::toView).toList(), spread(g.regionSpread()),
                g.departments().stream().map(ScorecardViews::toView).toList(), spread(g.departmentSpread()),
                g.domains().stream().map(d -> new DomainGroupView(d.domainId(), d.code(), d.name(), totals(d.totals()))).toList(),
                g.findingsKnown());
    }

    private static GroupView toView(ScorecardService.Group group) {
        return new GroupView(group.unit().id(), group.unit().code(), group.unit().nameZh(), group.unit().kind(),
                totals(group.totals()));
    }

    private static TotalsView totals(Rollup.Totals t) {
        return new TotalsView(t.units(), t.ready(), t.points(), t.secured(), t.atRisk(), t.missing(), t.securedRate());
    }

    private static SpreadView spread(Rollup.Spread s) {
        return new SpreadView(s.groups(), s.mean(), s.standardDeviation(), s.coefficientOfVariation());
    }

    public static ScoreView toView(IndicatorScore s, UUID unitId) {
        return new ScoreView(s.id(), unitId, s.code(), s.kind(), s.score(), s.note(), s.recordedAt(), s.recordedBy());
    }

    public static ScorecardView toView(Card card, Locale locale) {
        Unit unit = card.unit();
        Scorecard s = card.scorecard();
        CatalogueSummary catalogue = card.catalogue().map(IndicatorViews::toSummary).orElse(null);
        return new ScorecardView(unit.id(), unit.code(), unit.nameZh(), card.year(), card.asOf(), catalogue, s.points(),
                s.secured(), s.atRisk(), s.missing(), s.ready(),
                s.reasons().stream().map(r -> new ReasonView(r.kind(), r.code() == null ? null : r.code().value(),
                        say(r, locale))).toList(),
                s.rows().stream().map(ScorecardViews::toView).toList());
    }

    private static RowView toView(Scorecard.Row r) {
        var i = r.indicator();
        return new RowView(i.code().value(), i.parent() == null ? null : i.parent().value(), i.titles().chinese(), r.leaf(),
                i.measuredBy(), r.points(), new EvidenceView(i.expectedDocuments(), i.expectedActivities()),
                evidence(r.onFile()), evidence(r.lacking()), r.selfScore(), r.reviewScore(), r.openFindings(), r.status(),
                r.secured(), r.atRisk(), r.missing());
    }

    private static EvidenceView evidence(Evidence e) {
        return new EvidenceView(e.documents(), e.activities());
    }

    private static String say(Scorecard.Reason r, Locale locale) {
        String key = "scorecard.reason." + r.kind().name();
        String code = r.code() == null ? "" : r.code().value();
        return switch (r.kind()) {
            case MISSING_EVIDENCE -> Messages.get(locale, key, code, lacking((Evidence) r.detail(), locale));
            case READINESS_INCOMPLETE -> Messages.get(locale, key, ((java.util.Set<?>) r.detail()).stream()
                    .map(item -> Messages.get(locale, "readiness.item." + ((ReadinessItem) item).name()))
                    .sorted().collect(Collectors.joining(Messages.get(locale, "list.separator"))));
            case SCORED_BELOW -> Messages.get(locale, key, code, ((BigDecimal) r.detail()).toPlainString());
            case OPEN_FINDINGS -> Messages.get(locale, key, code, String.valueOf(r.detail()));
            default -> Messages.get(locale, key, code);
        };
    }

    private static String lacking(Evidence lacking, Locale locale) {
        StringBuilder text = new StringBuilder();
        String separator = Messages.get(locale, "list.separator");
        if (lacking.documents() > 0) {
            text.append(Messages.get(locale, "scorecard.lacking.documents", String.valueOf(lacking.documents())));
        }
        lacking.activities().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!text.isEmpty()) {
                text.append(separator);
            }
            text.append(Messages.get(locale, "scorecard.lacking.activities",
                    Messages.get(locale, "activity.kind." + e.getKey().name()), String.valueOf(e.getValue())));
        });
        return text.toString();
    }
}
