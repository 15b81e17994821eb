package org.tuanjie.agreements.assessment.service;

import org.tuanjie.platform.access.UnitNotFound;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.agreement.service.AgreementService;
import org.tuanjie.agreements.assessment.Assessment;
import org.tuanjie.agreements.assessment.Assessment.AdjustmentScore;
import org.tuanjie.agreements.assessment.Assessment.TargetScore;
import org.tuanjie.agreements.audit.service.AuditTrail;
import org.tuanjie.agreements.client.TasksClient;
import org.tuanjie.agreements.client.TasksFigures;
import org.tuanjie.agreements.template.Adjustment;
import org.tuanjie.agreements.template.Grades;
import org.tuanjie.agreements.template.Target;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.unitsclient.Directory;
import org.tuanjie.unitsclient.client.UnitsClient;

/**
 * Scores an active agreement: automatic targets from tasks-service and units-service (task figures, the readiness
 * score, the activities on file in the unit's dossier for the agreement's year; a 503 when either cannot be asked:
 * nothing is scored on missing numbers), manual ones from the request.
 */
@ApplicationScoped
public class AssessmentService {

    @Inject
    AgreementService agreements;

    @Inject
    TasksFigures tasks;

    @Inject
    Directory directory;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    public record ManualScore(BigDecimal score, String comment) {
    }

    public record AdjustmentInput(Integer points, Boolean triggered, String comment) {
    }

    @Transactional
    public Assessment assess(UUID agreementId, long expectedVersion, Map<String, ManualScore> manual,
            Map<String, AdjustmentInput> adjustmentInputs) {
        Agreement agreement = agreements.get(agreementId);
        Versions.check(expectedVersion, agreement.version());
        agreement.requireAssessable();
        List<Target> targets = List.of(json.convertValue(agreement.content().get("targets"), Target[].class));
        List<Adjustment> items = List.of(json.convertValue(agreement.content().get("adjustments"), Adjustment[].class));
        int passMark = agreement.content().get("passMark").asInt();
        Grades grades = agreement.content().hasNonNull("grades") ? json.convertValue(agreement.content().get("grades"), Grades.class)
                : null;
        List<String> unreviewed = new ArrayList<>();
        List<Violation> errors = new ArrayList<>();
        List<TargetScore> scores = new ArrayList<>();
        for (Target target : targets) {
            switch (target.measure()) {
                case MANUAL -> {
                    ManualScore given = manual == null ? null : manual.get(target.code());
                    if (given == null || given.score() == null) {
                        errors.add(new Violation("scores." + target.code(), "assessment.manual-required"));
                    } else if (given.score().signum() < 0 || given.score().compareTo(BigDecimal.valueOf(target.weight())) > 0) {
                        errors.add(new Violation("scores." + target.code(), "assessment.range", target.weight()));
                    } else {
                        scores.add(new TargetScore(target.code(), target.measure().name(), target.weight(),
                                given.score().setScale(2, RoundingMode.HALF_UP), false, Map.of(), given.comment()));
                    }
                }
                case TASKS_VERIFIED -> {
                    TasksClient.Row row = tasks.ofUnit(agreement.unitId(), target.category());
                    double share = row.total() == 0 ? 1.0 : (double) row.verified() / row.total();
                    scores.add(new TargetScore(target.code(), target.measure().name(), target.weight(),
                            points(target.weight() * share), true,
                            Map.of("tasks", Long.toString(row.total()), "verified", Long.toString(row.verified()),
                                    "category", target.category() == null ? "ALL" : target.category()), null));
                }
                case READINESS -> {
                    int readiness = directory.readiness(agreement.unitId())
                            .orElseThrow(() -> new org.tuanjie.platform.access.UnitNotFound(agreement.unitId()))
                            .score();
                    scores.add(new TargetScore(target.code(), target.measure().name(), target.weight(),
                            points(target.weight() * readiness / 100.0), true,
                            Map.of("readinessScore", Integer.toString(readiness)), null));
                }
                case INDICATOR_REVIEW -> {
                    UnitsClient.Scorecard card = directory.scorecard(agreement.unitId(), agreement.year())
                            .orElseThrow(() -> new UnitNotFound(agreement.unitId()));
                    Optional<UnitsClient.ScorecardRow> row = card.row(target.indicatorCode());
                    if (row.isEmpty() || row.get().reviewScore() == null) {
                        unreviewed.add(target.indicatorCode());
                    } else {
                        scores.add(new TargetScore(target.code(), target.measure().name(), target.weight(),
                                points(target.weight() * target.reviewShare(row.get().reviewScore(), row.get().points())), true,
                                Map.of("indicator", target.indicatorCode(), "reviewScore", row.get().reviewScore().toPlainString(),
                                        "points", row.get().points().toPlainString(), "year", Integer.toString(agreement.year())),
                                null));
                    }
                }
                case ACTIVITIES_ON_FILE -> {
                    LocalDate first = LocalDate.of(agreement.year(), 1, 1);
                    long onFile = directory.entriesOnFile(agreement.unitId(), target.activityKind().name(), first,
                                    first.withMonth(12).withDayOfMonth(31))
                            .orElseThrow(() -> new UnitNotFound(agreement.unitId()));
                    double share = target.activitiesShare(onFile);
                    scores.add(new TargetScore(target.code(), target.measure().name(), target.weight(),
                            points(target.weight() * share), true,
                            Map.of("activities", Long.toString(onFile), "required", Integer.toString(target.required()),
                                    "activityKind", target.activityKind().name(), "year", Integer.toString(agreement.year())),
                            null));
                }
            }
        }
        List<AdjustmentScore> adjustments = new ArrayList<>();
        for (Adjustment item : items) {
            AdjustmentInput input = adjustmentInputs == null ? null : adjustmentInputs.get(item.code());
            if (item.kind() == Adjustment.Kind.VETO) {
                boolean triggered = input != null && Boolean.TRUE.equals(input.triggered());
                adjustments.add(new AdjustmentScore(item.code(), item.kind().name(), 0, triggered,
                        input == null ? null : input.comment()));
            } else {
                int points = input == null || input.points() == null ? 0 : input.points();
                if (points < 0 || points > item.maxPoints()) {
                    errors.add(new Violation("adjustments." + item.code(), "assessment.range", item.maxPoints()));
                }
                adjustments.add(new AdjustmentScore(item.code(), item.kind().name(), points, points > 0,
                        input == null ? null : input.comment()));
            }
        }
        if (!errors.isEmpty()) {
            throw new Problems.InvalidInput(errors);
        }
        if (!unreviewed.isEmpty()) {
            throw new ReviewMissing(String.join(", ", unreviewed));
        }
        Assessment assessment = Assessment.of(agreement.id(), scores, adjustments, passMark, grades, caller.subject());
        agreement.markAssessed(assessment.result());
        em.persist(assessment);
        Map<String, String> recorded = new java.util.HashMap<>(Map.of("total", assessment.total().toPlainString(),
                "result", assessment.result().name(), "vetoed", Boolean.toString(assessment.vetoed())));
        if (assessment.grade() != null) {
            recorded.put("grade", assessment.grade().name());
        }
        audit.record("ASSESSED", agreement, recorded);
        em.flush();
        return assessment;
    }

    public Optional<Assessment> of(UUID agreementId) {
        agreements.get(agreementId);
        return Optional.ofNullable(em.find(Assessment.class, agreementId));
    }

    /** 409: a target scored by a reviewer's score of an indicator waits for the review on the unit's scorecard. */
    public static final class ReviewMissing extends Problems.Conflict {
        ReviewMissing(String codes) {
            super("review-missing", "assessment.review-missing", codes);
        }
    }

    private static BigDecimal points(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
