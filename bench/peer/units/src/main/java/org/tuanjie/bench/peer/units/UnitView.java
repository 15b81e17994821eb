package org.tuanjie.bench.peer.units;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What {@code GET /units/{id}} answers: the fields of units-service's UnitView, by the same names. */
public record UnitView(UUID id, String code, UnitKind kind, String category, UUID parentId, List<String> path, int depth,
        Map<String, String> names, String status, LocalDate closedOn, String closeReason, Leader principalLeader,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy, long version) {

    public record Leader(UUID personId, String nameZh, LocalDate from, String accountUsername) {
    }

    public static UnitView of(Unit unit) {
        Leader leader = unit.getLeaderPersonId() == null ? null
                : new Leader(unit.getLeaderPersonId(), unit.getLeaderName(), unit.getLeaderFrom(), unit.getLeaderAccount());
        return new UnitView(unit.getId(), unit.getCode(), unit.getKind(), unit.getKind().category(), unit.getParentId(),
                unit.pathCodes(), unit.getDepth(), unit.getNames(), unit.isClosed() ? "CLOSED" : "OPEN",
                unit.getClosedOn(), unit.getCloseReason(), leader, unit.getCreatedAt(), unit.getCreatedBy(),
                unit.getUpdatedAt(), unit.getUpdatedBy(), unit.getVersion());
    }
}
