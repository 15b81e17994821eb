package org.tuanjie.units.readiness.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.units.dossier.DossierDocument;
import org.tuanjie.units.dossier.mapping.DossierViews;
import org.tuanjie.units.people.mapping.PeopleViews;
import org.tuanjie.units.readiness.ReadinessFacts;
import org.tuanjie.units.readiness.ReadinessItem;
import org.tuanjie.units.readiness.service.ReadinessService.UnitReadiness;
import org.tuanjie.units.unit.UnitNames;
import org.tuanjie.units.unit.mapping.UnitView;

@Schema(name = "Readiness", description = "A unit's readiness profile (创建工作基础) with derived score and flags")
public record ReadinessView(
        UUID unitId,
        @Schema(example = "11513221MB1234567X", maxLength = UnitView.CODE_MAX) String unitCode,
        @Schema(example = "县教育局", maxLength = UnitNames.MAX_LENGTH) String unitName,
        @Schema(example = "2", minimum = "0", maximum = "" + ReadinessView.STAFF_MAX) int staffCount,
        @Schema(example = "[\"卓玛\", \"王伟\"]", maxItems = ReadinessView.STAFF_NAMES_MAX)
        List<@Size(max = ReadinessView.STAFF_NAME_MAX) String> staffNames,
        boolean office,
        @Schema(example = "县政府办公楼 3 楼 302", maxLength = ReadinessView.LOCATION_MAX) String officeLocation,
        @Schema(description = "The leading group's document number (文号): the linked document's when one is linked",
                example = "汶教发〔2026〕12号", maxLength = DossierViews.NUMBER_MAX) String leadingGroupDocNo,
        @Schema(description = "The day the leading group was set up: the linked document's date when one is linked")
        LocalDate leadingGroupDate,
        @Schema(description = "The document of the unit's dossier that set up its leading group; absent when the number "
                + "and date were typed in (as profiles did before the dossier) or there is none") LinkedDocument leadingGroupDocument,
        boolean workPlan,
        boolean signage,
        boolean equipment,
        Person principalLeader,
        Person liaison,
        @Schema(description = "Share of items in place, 0–100", example = "75", minimum = "0", maximum = "100") int score,
        @Schema(description = "Every item in place") boolean complete,
        @Schema(description = "三无: no dedicated staff, no office, no leading-group document") boolean threeNone,
        @Schema(maxItems = ReadinessItem.NUMBER_OF_ITEMS) Set<ReadinessItem> missing,
        OffsetDateTime updatedAt,
        @Schema(maxLength = UnitView.SUBJECT_MAX) String updatedBy,
        long version) {

    /** Dedicated staff a profile counts at most. */
    public static final int STAFF_MAX = 1000;
    /** Staff a profile names at most. */
    public static final int STAFF_NAMES_MAX = 50;
    /** The length of each staff name. */
    public static final int STAFF_NAME_MAX = 50;
    /** Where the office is. */
    public static final int LOCATION_MAX = 200;

    @Schema(name = "ReadinessLinkedDocument", description = "A document (文件) of the unit's dossier, see GET /documents/{id}")
    public record LinkedDocument(UUID id, @Schema(example = "汶教发〔2026〕12号", maxLength = DossierViews.NUMBER_MAX) String number,
            @Schema(example = "2026-03-01") LocalDate date,
            @Schema(example = "关于成立民族团结进步创建工作领导小组的通知", maxLength = DossierViews.TITLE_MAX) String title) {
    }

    @Schema(name = "Person", description = "The unit's current LEADER or LIAISON, from its people records")
    public record Person(@Schema(example = "扎西", maxLength = PeopleViews.NAME_MAX) String name,
            @Schema(example = "13800001111", maxLength = PeopleViews.PHONE_MAX) String phone) {
    }

    @Schema(name = "ReadinessUpdate", description = "The whole profile; blank text means absent. The principal leader "
            + "and the liaison are not part of it: they are the unit's current LEADER and LIAISON among its people "
            + "(POST /units/{id}/people), shown in the profile as `principalLeader` and `liaison`.")
    public record Update(
            @Min(0) @Max(STAFF_MAX) int staffCount,
            @Size(max = STAFF_NAMES_MAX) List<@Size(max = STAFF_NAME_MAX) String> staffNames,
            boolean office,
            @Size(max = LOCATION_MAX) String officeLocation,
            @Size(max = DossierViews.NUMBER_MAX) @Schema(description = "Typed in when no document is linked; with `leadingGroupDocumentId` "
                    + "absent or the document's own number", example = "汶教发〔2026〕12号") String leadingGroupDocNo,
            @Schema(description = "Typed in when no document is linked; with `leadingGroupDocumentId` absent or the "
                    + "document's own date") LocalDate leadingGroupDate,
            @Schema(description = "A document of this unit's own dossier (POST /units/{id}/dossier/documents) that set up "
                    + "its leading group: the profile then shows its number and date. A document of another unit is "
                    + "refused (422 `document-of-another-unit`), so is a withdrawn one (422 `document-withdrawn`); one "
                    + "you cannot see is unknown (400). Absent: the typed-in number and date, or none.")
            UUID leadingGroupDocumentId,
            boolean workPlan,
            boolean signage,
            boolean equipment) {

        public ReadinessFacts toFacts() {
            return new ReadinessFacts(staffCount, staffNames, office, officeLocation, leadingGroupDocNo,
                    leadingGroupDate, workPlan, signage, equipment, null, null, null, null);
        }
    }

    public static ReadinessView of(UnitReadiness readiness) {
        var p = readiness.profile();
        ReadinessFacts f = p.facts();
        DossierDocument document = readiness.leadingGroupDocument();
        LinkedDocument linked = document == null ? null
                : new LinkedDocument(document.id(), document.number(), document.date(), document.title());
        return new ReadinessView(readiness.unit().id(), readiness.unit().code(), readiness.unit().nameZh(),
                f.staffCount(), f.staffNames(), f.office(), f.officeLocation(),
                linked == null ? f.leadingGroupDocNo() : linked.number(),
                linked == null ? f.leadingGroupDate() : linked.date(), linked, f.workPlan(), f.signage(), f.equipment(),
                person(f.principalLeaderName(), f.principalLeaderPhone()), person(f.liaisonName(), f.liaisonPhone()),
                p.score(), p.isComplete(), p.isThreeNone(), p.missing(), p.updatedAt(), p.updatedBy(), p.version());
    }

    private static Person person(String name, String phone) {
        return name == null && phone == null ? null : new Person(name, phone);
    }
}
