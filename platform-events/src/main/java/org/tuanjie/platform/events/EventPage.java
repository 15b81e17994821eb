package org.tuanjie.platform.events;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the feed. Unlike a list's page, it always says where to go on: a poller asks again with
 * {@code next} later, and gets what happened since (an empty page while nothing did).
 */
@Schema(name = "EventPage")
public record EventPage(
        @Schema(maxItems = 500) List<CloudEvent> items,
        @Schema(description = "Cursor to ask with next time: after the last event of this page, or where you asked "
                + "when the page is empty", maxLength = 200) String next) {
}
