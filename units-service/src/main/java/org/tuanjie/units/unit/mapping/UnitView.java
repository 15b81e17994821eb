package org.tuanjie.units.unit.mapping;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.units.people.mapping.PeopleViews;
import org.tuanjie.units.unit.UnitKind;

@Schema(name = "Unit", description = "An organizational unit (组织单位) of the hierarchy")
public record UnitView(
        UUID id,
        @Schema(description = "12-digit division code (regions) or 18-character unified social credit code (organizations)",
                example = "513221000000", maxLength = UnitView.CODE_MAX) String code,
        @Schema(example = "COUNTY") UnitKind kind,
        @Schema(description = "REGION or ORGANIZATION", example = "REGION", enumeration = {"REGION", "ORGANIZATION"})
        String category,
        UUID parentId,
        @Schema(description = "Codes from the hierarchy's root down to this unit",
                example = "[\"510000000000\", \"513200000000\", \"513221000000\"]", maxItems = UnitView.LEVELS)
        List<@Size(max = UnitView.CODE_MAX) String> path,
        @Schema(description = "0 for a root", example = "2", minimum = "0", maximum = "5") int depth,
        @Schema(description = "Names by language tag: zh required, bo (Tibetan), en, ... optional",
                example = "{\"zh\": \"汶川县\", \"bo\": \"ཝུན་ཁྲོན་རྫོང་།\", \"en\": \"Wenchuan County\"}",
                additionalProperties = UnitName.class) Map<String, String> names,
        @Schema(example = "OPEN", enumeration = {"OPEN", "CLOSED"}) String status,
        LocalDate closedOn,
        @Schema(maxLength = UnitRequests.REASON_MAX) String closeReason,
        @Schema(description = "The current principal leader (一把手) among the unit's people; absent when none is recorded")
        Leader principalLeader,
        OffsetDateTime createdAt,
        @Schema(maxLength = UnitView.SUBJECT_MAX) String createdBy,
        OffsetDateTime updatedAt,
        @Schema(maxLength = UnitView.SUBJECT_MAX) String updatedBy,
        @Schema(description = "Row version, also the ETag", example = "0") long version) {

    /** A unit's code: 12 digits for a region, 18 characters for an organization (the column's size). */
    public static final int CODE_MAX = 18;
    /**
     * Levels of the hierarchy: province, prefecture, county, township, village, and an organization under any
     * region (organizations never hold units), so a path names at most six codes.
     */
    public static final int LEVELS = 6;
    /** Who wrote a row (a token subject), as the audit columns ({@code created_by}, {@code updated_by}) hold it. */
    public static final int SUBJECT_MAX = 255;

    /** Who leads the unit now, as its people records say (see /units/{id}/people). */
    @Schema(name = "UnitLeader")
    public record Leader(UUID personId, @Schema(example = "扎西", maxLength = PeopleViews.NAME_MAX) String nameZh,
            @Schema(description = "First day of their period", example = "2026-01-01") LocalDate from,
            @Schema(description = "The username of the leader's account (the `preferred_username` of its tokens), while "
                    + "the suite's account of theirs is active: that account alone signs the unit's agreements; absent "
                    + "when they have none", example = "gengqing-leader", maxLength = PeopleViews.USERNAME_MAX)
            String accountUsername) {
    }
}
