package org.tuanjie.units.unit.mapping;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;

@Schema(name = "UnitChanges", description = "Units created or changed (closures included) since a sync cursor, and units "
        + "that left the jurisdiction")
public record UnitChanges(
        @Schema(maxItems = PageResponse.MAX_LIMIT) List<UnitView> items,
        @Schema(description = "Ids of units moved out of your jurisdiction since the cursor: you can no longer read them, "
                + "drop them from the device (a first sync may name units it never had)", maxItems = PageResponse.MAX_LIMIT)
        List<UUID> removed,
        @Schema(description = "Pass back as `cursor` to get what changed after this batch; keep it on the device",
                example = "djEfNzQyH2M2ZTQ5ZjZjLTk1MjMtNDc0Zi1hYjFkLTJkNjQ3ZGZmZDJjMg", maxLength = Cursor.MAX_LENGTH)
        String cursor,
        @Schema(description = "True when more changes are waiting: call again at once") boolean more) {
}
