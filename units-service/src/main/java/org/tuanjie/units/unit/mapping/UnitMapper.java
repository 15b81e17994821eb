package org.tuanjie.units.unit.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.units.people.AccountRole;
import org.tuanjie.units.people.mapping.PeopleViews;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitHistoryEntry;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitStatusChange;

public final class UnitMapper {

    private UnitMapper() {
    }

    public static UnitView toView(Unit unit) {
        return new UnitView(unit.id(), unit.code(), unit.kind(), unit.kind().category(), unit.parentId(),
                unit.pathCodes(), unit.depth(), unit.names().byLanguage(), unit.isClosed() ? "CLOSED" : "OPEN",
                unit.closedOn(), unit.closeReason(), unit.leaderPersonId() == null ? null
                        : new UnitView.Leader(unit.leaderPersonId(), unit.leaderName(), unit.leaderFrom(),
                        unit.leaderAccount()), unit.createdAt(), unit.createdBy(), unit.updatedAt(),
                unit.updatedBy(), unit.version());
    }

    public static HistoryEntryView toView(UnitHistoryEntry entry) {
        return new HistoryEntryView(entry.change(), entry.effectiveOn(), entry.reason(), entry.personId(),
                entry.username(), entry.accountRole() == null ? null : AccountRole.ofTokenName(entry.accountRole()).orElseThrow(),
                entry.recordedAt(), entry.recordedBy());
    }

    public static KindCounts toCounts(UUID unitId, Integer depth, Map<UnitKind, Long> counts) {
        Map<UnitKind, Long> all = new EnumMap<>(UnitKind.class);
        for (UnitKind kind : UnitKind.values()) {
            all.put(kind, counts.getOrDefault(kind, 0L));
        }
        return new KindCounts(unitId, depth, all, counts.values().stream().mapToLong(Long::longValue).sum());
    }

    @Schema(name = "KindCounts", description = "Open units per kind in a subtree (the root included)")
    public record KindCounts(UUID unitId, @Schema(description = "Levels below the root counted; absent = all") Integer depth,
            @Schema(example = "{\"TOWNSHIP\": 10, \"VILLAGE\": 86, \"SCHOOL\": 24}") Map<UnitKind, Long> counts,
            @Schema(example = "120") long total) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL) // what an entry does not record is absent, as documented (null is no AccountRole)
    @Schema(name = "UnitHistoryEntry", description = "A closing or reopening of a unit, with its reason; or a role granted "
            + "to, or revoked from, the account of one of its people")
    public record HistoryEntryView(@Schema(example = "REOPENED") UnitStatusChange change,
            @Schema(description = "A closing's end date; absent for a reopening", example = "2026-12-31") LocalDate effectiveOn,
            @Schema(example = "撤并方案经县政府复议撤回，恢复建制", maxLength = UnitRequests.REASON_MAX) String reason,
            @Schema(description = "For account roles: the person (see /units/{id}/people)") UUID personId,
            @Schema(description = "For account roles: the account's username", example = "gengqing-liaison",
                    maxLength = PeopleViews.USERNAME_MAX) String username,
            @Schema(description = "For account roles: the realm role", example = "unit-liaison") AccountRole accountRole,
            OffsetDateTime recordedAt,
            @Schema(description = "Token subject of who recorded it", example = "zhaxi.county-office",
                    maxLength = UnitView.SUBJECT_MAX) String recordedBy) {
    }
}
