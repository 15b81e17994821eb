package org.tuanjie.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event in the CloudEvents 1.0 JSON format, with the feed position as the {@code sequence} extension. */
@Schema(name = "CloudEvent", description = "Something that happened (CloudEvents 1.0, JSON format)")
public record CloudEvent(
        @Schema(description = "CloudEvents version", examples = "1.0", maxLength = 3) String specversion,
        @Schema(description = "Unique per event: a receiver that saw it already ignores it", format = "uuid", maxLength = 36) String id,
        @Schema(description = "The service it comes from", examples = "/tasks-service", maxLength = 100) String source,
        @Schema(description = "What happened", examples = "org.tuanjie.task.verified", maxLength = 100) String type,
        @Schema(description = "What it happened to, under the source", examples = "tasks/0f8e4b4e-2c1a-4d7e-9a57-3f1b2f6f4a10",
                maxLength = 200) String subject,
        @Schema(description = "When it happened") OffsetDateTime time,
        @Schema(examples = "application/json", maxLength = 16) String datacontenttype,
        @Schema(description = "Position in this service's feed (decimal, increasing); the cursor follows it",
                examples = "1042", maxLength = 19) String sequence,
        @Schema(description = "Ids, codes, the new state and version: what a receiver needs to act without asking back")
        JsonNode data) {
}
