package org.tuanjie.units.dossier.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.files.FileView;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;
import org.tuanjie.units.dossier.Activity;
import org.tuanjie.units.dossier.ActivityDetails;
import org.tuanjie.units.dossier.ActivityKind;
import org.tuanjie.units.dossier.DocumentDetails;
import org.tuanjie.units.dossier.DossierDocument;
import org.tuanjie.units.dossier.DossierEntry;
import org.tuanjie.units.dossier.DossierKind;
import org.tuanjie.units.dossier.EntryFacts;
import org.tuanjie.units.dossier.EntryStatus;
import org.tuanjie.units.indicators.IndicatorCode;
import org.tuanjie.units.dossier.service.DossierReads;
import org.tuanjie.units.dossier.service.DossierService.Filed;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitNames;
import org.tuanjie.units.unit.mapping.UnitView;

/**
 * Wire forms of the dossier (创建档案): its activities, documents, lists, counts and changes.
 */
public final class DossierViews {

    /** Indicator codes as a request may write them: letters of either case (kept in capitals). */
    static final String CODE_AS_WRITTEN = "[A-Za-z0-9]{1,8}(\\.[A-Za-z0-9]{1,8}){0,4}";
    private static final String CODES = "Evaluation-indicator codes (测评指标) the entry serves, 1 to 10: one to five "
            + "segments of letters and digits joined by dots (`3.2.1`, `A2.1`), at most 40 characters, letters kept in "
            + "capitals; repeats count once. The indicator catalogue is not checked yet.";
    private static final String DOMAIN = "The \"9+N进\" campaign domain the entry belongs to: one you can see "
            + "(GET /domains; else 400 on `domainId`) whose jurisdiction holds the unit (else 422 `domain-outside-owner`)";

    /** An entry's title, and a document's issuer. */
    public static final int TITLE_MAX = 200;
    /** Where an activity was held. */
    public static final int PLACE_MAX = 200;
    /** What an activity did. */
    public static final int SUMMARY_MAX = 4000;
    /** A document's number (文号). */
    public static final int NUMBER_MAX = 100;
    /** Why an entry was withdrawn. */
    public static final int REASON_MAX = 500;
    /** Files one filing or revision adds to an entry. */
    public static final int FILES_PER_REQUEST = 20;
    /** People at an activity, at most. */
    public static final int ATTENDEES_MAX = 1_000_000;
    /**
     * The most indicator codes a count lists, in code order: while the catalogue of indicators is not checked, the
     * codes filed are free, and the answer must stay bounded.
     */
    public static final int INDICATORS_LISTED = 1000;

    private DossierViews() {
    }

    @Schema(name = "ActivityFiling", description = "An activity as its unit files it; a revision sends all of it again")
    public record ActivityRequest(
            @NotNull @Schema(description = "PUBLICITY 宣传, TRAINING 培训, PROMOTION_MEETING 推进会, POLICY_STUDY 政策学习, "
                    + "SHOWCASE 示范/观摩", example = "PUBLICITY") ActivityKind kind,
            @NotBlank @Size(max = TITLE_MAX) @Schema(example = "民族团结进步宣传月启动仪式") String title,
            @NotNull @Schema(description = "The day it was held: not after today (Asia/Shanghai)", example = "2026-05-12")
            LocalDate date,
            @Size(max = PLACE_MAX) @Schema(example = "县城民族团结广场") String place,
            @Min(0) @Max(ATTENDEES_MAX) @Schema(example = "320") Integer attendees,
            @Size(max = SUMMARY_MAX) @Schema(example = "悬挂双语横幅 12 条，发放宣传册 800 份，宣讲民族政策 1 场") String summary,
            @NotEmpty @Size(max = IndicatorCode.MAX_PER_ENTRY) @Schema(description = CODES, example = "[\"3.2.1\", \"5.1\"]")
            List<@NotNull @Size(max = IndicatorCode.MAX_LENGTH) @Pattern(regexp = CODE_AS_WRITTEN) String> indicatorCodes,
            @Schema(description = DOMAIN) UUID domainId,
            @Size(max = FILES_PER_REQUEST) @Schema(description = "Files uploaded under /attachments by the caller, to add to the entry (a "
                    + "revision adds; files once shown stay)") List<@NotNull UUID> files) {

        public List<UUID> filesOrNone() {
            return files == null ? List.of() : files;
        }

        public ActivityDetails details() {
            return new ActivityDetails(kind, new EntryFacts(title, date,
                    IndicatorCode.listOf(indicatorCodes, "indicatorCodes"), domainId), place, attendees, summary);
        }
    }

    @Schema(name = "DocumentFiling", description = "A document (文件) as its unit files it; a revision sends all of it again")
    public record DocumentRequest(
            @NotBlank @Size(max = NUMBER_MAX) @Schema(description = "文号; a unit files each number once (409 "
                    + "`document-number-taken` while another of its documents has it)", example = "德委办发〔2026〕12号")
            String number,
            @NotBlank @Size(max = TITLE_MAX) @Schema(example = "关于成立民族团结进步创建工作领导小组的通知") String title,
            @NotNull @Schema(description = "The day it was issued: not after today (Asia/Shanghai)", example = "2026-03-01")
            LocalDate date,
            @NotBlank @Size(max = TITLE_MAX) @Schema(description = "Who issued it, as printed on it (a body that need not be a "
                    + "unit of the hierarchy)", example = "中共德钦县委办公室") String issuer,
            @NotEmpty @Size(max = IndicatorCode.MAX_PER_ENTRY) @Schema(description = CODES, example = "[\"1.1\"]")
            List<@NotNull @Size(max = IndicatorCode.MAX_LENGTH) @Pattern(regexp = CODE_AS_WRITTEN) String> indicatorCodes,
            @Schema(description = DOMAIN) UUID domainId,
            @Size(max = FILES_PER_REQUEST) @Schema(description = "Files uploaded under /attachments by the caller, to add to the entry (a "
                    + "revision adds; files once shown stay)") List<@NotNull UUID> files) {

        public List<UUID> filesOrNone() {
            return files == null ? List.of() : files;
        }

        public DocumentDetails details() {
            return new DocumentDetails(number, issuer, new EntryFacts(title, date,
                    IndicatorCode.listOf(indicatorCodes, "indicatorCodes"), domainId));
        }
    }

    @Schema(name = "DossierWithdrawal", description = "Why the entry leaves the dossier; it stays readable, counted no more")
    public record WithdrawalRequest(@NotBlank @Size(max = REASON_MAX) @Schema(example = "重复录入，与 5 月 12 日活动为同一场") String reason) {
    }

    @Schema(name = "DossierWithdrawn", description = "When, by whom and why an entry was withdrawn")
    public record WithdrawalView(OffsetDateTime at,
            @Schema(example = "user-unit-liaison-533422100000", maxLength = UnitView.SUBJECT_MAX) String by,
            @Schema(example = "重复录入", maxLength = REASON_MAX) String reason) {
    }

    @Schema(name = "Activity", description = "An activity a unit held, as filed in its dossier (创建档案)")
    public record ActivityView(
            UUID id,
            @Schema(description = "The organizer: the unit whose dossier holds it") UUID unitId,
            @Schema(example = "533422100000", maxLength = UnitView.CODE_MAX) String unitCode,
            @Schema(example = "升平镇", maxLength = UnitNames.MAX_LENGTH) String unitName,
            @Schema(example = "PUBLICITY") ActivityKind kind,
            @Schema(example = "民族团结进步宣传月启动仪式", maxLength = TITLE_MAX) String title,
            @Schema(example = "2026-05-12") LocalDate date,
            @Schema(example = "县城民族团结广场", maxLength = PLACE_MAX) String place,
            @Schema(example = "320", minimum = "0", maximum = "" + ATTENDEES_MAX) Integer attendees,
            @Schema(maxLength = SUMMARY_MAX) String summary,
            @Schema(example = "[\"3.2.1\", \"5.1\"]", maxItems = IndicatorCode.MAX_PER_ENTRY)
            List<@Size(max = IndicatorCode.MAX_LENGTH) String> indicatorCodes,
            UUID domainId,
            @Schema(example = "ACTIVE") EntryStatus status,
            @Schema(description = "Absent while the activity is on file") WithdrawalView withdrawal,
            @Schema(description = "Its photos and documents", maxItems = DossierEntry.MAX_FILES) List<FileView> files,
            OffsetDateTime createdAt, @Schema(maxLength = UnitView.SUBJECT_MAX) String createdBy, OffsetDateTime updatedAt,
            @Schema(maxLength = UnitView.SUBJECT_MAX) String updatedBy,
            @Schema(description = "Row version, also the ETag", example = "0") long version) {
    }

    @Schema(name = "Document", description = "A document (文件) as filed in a unit's dossier (创建档案)")
    public record DocumentView(
            UUID id,
            @Schema(description = "The unit whose dossier holds it") UUID unitId,
            @Schema(example = "533422100000", maxLength = UnitView.CODE_MAX) String unitCode,
            @Schema(example = "升平镇", maxLength = UnitNames.MAX_LENGTH) String unitName,
            @Schema(example = "德委办发〔2026〕12号", maxLength = NUMBER_MAX) String number,
            @Schema(example = "关于成立民族团结进步创建工作领导小组的通知", maxLength = TITLE_MAX) String title,
            @Schema(example = "2026-03-01") LocalDate date,
            @Schema(example = "中共德钦县委办公室", maxLength = TITLE_MAX) String issuer,
            @Schema(example = "[\"1.1\"]", maxItems = IndicatorCode.MAX_PER_ENTRY)
            List<@Size(max = IndicatorCode.MAX_LENGTH) String> indicatorCodes,
            UUID domainId,
            @Schema(example = "ACTIVE") EntryStatus status,
            @Schema(description = "Absent while the document is on file") WithdrawalView withdrawal,
            @Schema(description = "The document itself (a scan or the file), and any annexes", maxItems = DossierEntry.MAX_FILES)
            List<FileView> files,
            OffsetDateTime createdAt, @Schema(maxLength = UnitView.SUBJECT_MAX) String createdBy, OffsetDateTime updatedAt,
            @Schema(maxLength = UnitView.SUBJECT_MAX) String updatedBy,
            @Schema(description = "Row version, also the ETag", example = "0") long version) {
    }

    @Schema(name = "DossierEntry", description = "An entry of a dossier in a list: an activity (place, attendees, summary) "
            + "or, with kind DOCUMENT, a document (number, issuer). Read it whole at /activities/{id} or /documents/{id}.")
    public record EntryView(
            UUID id,
            @Schema(example = "TRAINING") DossierKind kind,
            UUID unitId,
            @Schema(example = "533422100000", maxLength = UnitView.CODE_MAX) String unitCode,
            @Schema(example = "升平镇", maxLength = UnitNames.MAX_LENGTH) String unitName,
            @Schema(example = "2026-06-18") LocalDate date,
            @Schema(example = "村级联络员民族政策培训", maxLength = TITLE_MAX) String title,
            @Schema(example = "[\"4.2\"]", maxItems = IndicatorCode.MAX_PER_ENTRY)
            List<@Size(max = IndicatorCode.MAX_LENGTH) String> indicatorCodes,
            UUID domainId,
            @Schema(description = "An activity's", maxLength = PLACE_MAX) String place,
            @Schema(description = "An activity's", minimum = "0", maximum = "" + ATTENDEES_MAX) Integer attendees,
            @Schema(description = "An activity's", maxLength = SUMMARY_MAX) String summary,
            @Schema(description = "A document's 文号", maxLength = NUMBER_MAX) String number,
            @Schema(description = "A document's", maxLength = TITLE_MAX) String issuer,
            @Schema(example = "ACTIVE") EntryStatus status,
            @Schema(description = "Absent while the entry is on file") WithdrawalView withdrawal,
            OffsetDateTime updatedAt, @Schema(maxLength = UnitView.SUBJECT_MAX) String updatedBy,
            @Schema(description = "Row version, also the ETag of /activities/{id} or /documents/{id}", example = "0")
            long version) {
    }

    @Schema(name = "DossierIndicatorCount", description = "Active entries filed under one indicator code")
    public record IndicatorCount(@Schema(example = "3.2.1", maxLength = IndicatorCode.MAX_LENGTH) String code, @Schema(example = "4") long total,
            @Schema(description = "Per kind", example = "{\"PUBLICITY\": 3, \"DOCUMENT\": 1}") Map<DossierKind, Long> byKind) {
    }

    @Schema(name = "DossierCounts", description = "Active (not withdrawn) entries of a unit's dossier, or of its subtree's, "
            + "in a period: in all, per kind and per indicator code (an entry under two codes counts for each, once in `total`)")
    public record CountsView(UUID unitId, @Schema(example = "533422000000", maxLength = UnitView.CODE_MAX) String unitCode,
            @Schema(description = "Whether the units under it are counted too") boolean subtree,
            @Schema(example = "2026-01-01") LocalDate from, @Schema(example = "2026-12-31") LocalDate to,
            @Schema(example = "12") long total,
            @Schema(example = "{\"PUBLICITY\": 7, \"TRAINING\": 3, \"DOCUMENT\": 2}") Map<DossierKind, Long> byKind,
            @Schema(description = "The first " + INDICATORS_LISTED + " codes at most, in code order",
                    maxItems = INDICATORS_LISTED) List<IndicatorCount> indicators) {
    }

    @Schema(name = "DossierChanges", description = "Dossier entries filed, revised or withdrawn since a sync cursor, and units "
            + "whose dossier left your jurisdiction")
    public record ChangesView(
            @Schema(description = "Withdrawn entries come with status WITHDRAWN: drop or mark them on the device",
                    maxItems = PageResponse.MAX_LIMIT) List<EntryView> items,
            @Schema(description = "Units moved out of your jurisdiction since the cursor: drop their entries from the device "
                    + "(a first sync may name units it never had)", maxItems = PageResponse.MAX_LIMIT) List<UUID> removedUnits,
            @Schema(description = "Pass back as `cursor` to get what changed after this batch; keep it on the device",
                    example = "djEfNzQyH2M2ZTQ5ZjZjLTk1MjMtNDc0Zi1hYjFkLTJkNjQ3ZGZmZDJjMg", maxLength = Cursor.MAX_LENGTH)
            String cursor,
            @Schema(description = "True when more changes are waiting: call again at once") boolean more) {
    }

    public static ActivityView toView(Filed<Activity> filed) {
        Activity a = filed.entry();
        Unit u = filed.unit();
        return new ActivityView(a.id(), u.id(), u.code(), u.nameZh(), a.activityKind(), a.title(), a.date(), a.place(),
                a.attendees(), a.summary(), a.indicatorCodes(), a.domainId(), a.status(), withdrawal(a),
                filed.files().stream().map(FileView::of).toList(), a.createdAt(),
                a.createdBy(), a.updatedAt(), a.updatedBy(), a.version());
    }

    public static DocumentView toDocumentView(Filed<DossierDocument> filed) {
        DossierDocument d = filed.entry();
        Unit u = filed.unit();
        return new DocumentView(d.id(), u.id(), u.code(), u.nameZh(), d.number(), d.title(), d.date(), d.issuer(),
                d.indicatorCodes(), d.domainId(), d.status(), withdrawal(d), filed.files().stream().map(FileView::of).toList(),
                d.createdAt(), d.createdBy(), d.updatedAt(),
                d.updatedBy(), d.version());
    }

    public static EntryView toEntryView(Filed<DossierEntry> filed) {
        DossierEntry e = filed.entry();
        Unit u = filed.unit();
        Activity activity = e instanceof Activity a ? a : null;
        DossierDocument document = e instanceof DossierDocument d ? d : null;
        return new EntryView(e.id(), e.kind(), u.id(), u.code(), u.nameZh(), e.date(), e.title(), e.indicatorCodes(),
                e.domainId(), activity == null ? null : activity.place(), activity == null ? null : activity.attendees(),
                activity == null ? null : activity.summary(), document == null ? null : document.number(),
                document == null ? null : document.issuer(), e.status(), withdrawal(e), e.updatedAt(), e.updatedBy(),
                e.version());
    }

    public static CountsView toView(DossierReads.Counts counts, boolean subtree, LocalDate from, LocalDate to) {
        List<IndicatorCount> indicators = counts.byIndicator().entrySet().stream().limit(INDICATORS_LISTED)
                .map(i -> new IndicatorCount(i.getKey(), i.getValue().values().stream().mapToLong(Long::longValue).sum(),
                        i.getValue()))
                .toList();
        return new CountsView(counts.unit().id(), counts.unit().code(), subtree, from, to, counts.total(), counts.byKind(),
                indicators);
    }

    public static ChangesView toView(DossierReads.ChangeBatch batch) {
        return new ChangesView(batch.entries().stream().map(DossierViews::toEntryView).toList(), batch.removedUnits(),
                batch.next().encode(), batch.more());
    }

    private static WithdrawalView withdrawal(DossierEntry e) {
        return e.isWithdrawn() ? new WithdrawalView(e.withdrawnAt(), e.withdrawnBy(), e.withdrawReason()) : null;
    }
}
