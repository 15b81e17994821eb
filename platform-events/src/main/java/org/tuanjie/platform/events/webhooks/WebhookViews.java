package org.tuanjie.platform.events.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The wire forms of webhook subscriptions. */
public final class WebhookViews {

    private WebhookViews() {
    }

    @Schema(name = "NewWebhook", description = "Where to send which events; the scope is your reach")
    public record NewWebhook(
            @NotBlank @Size(max = 2000) @Schema(examples = "https://oa.dege.gov.cn/hooks/tuanjie", maxLength = 2000) String url,
            @NotNull @Size(min = 1, max = 50) @Schema(description = "Event types to receive", maxItems = 50,
                    examples = "[\"org.tuanjie.task.verified\", \"org.tuanjie.task.overdue\"]")
            List<@NotNull @Size(max = 100) @Pattern(regexp = "[a-z0-9.-]{1,100}") String> types) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Webhook", description = "A subscription and how its deliveries stand")
    public record WebhookView(
            UUID id,
            @Schema(maxLength = 2000) String url,
            @Schema(maxItems = 50) List<@Size(max = 100) String> types,
            @Schema(description = "Events of units under this one are sent", examples = "513330000000", maxLength = 32) String scope,
            @Schema(description = "ACTIVE, or DISABLED after a day of failures (see disabledReason)", maxLength = 8,
                    examples = "ACTIVE") String state,
            @Schema(maxLength = 500) String disabledReason,
            @Schema(description = "The last event delivered (its sequence)", examples = "1042", minimum = "0") long deliveredSequence,
            @Schema(description = "Failed attempts in a row", examples = "0", minimum = "0") int failures,
            OffsetDateTime failingSince,
            OffsetDateTime nextAttemptAt,
            @Schema(maxLength = 200) String createdBy,
            OffsetDateTime createdAt,
            @Schema(description = "The signing secret (whsec_…): shown only when the subscription is made and when the "
                    + "secret is rotated", maxLength = 100) String secret) {
    }

    @Schema(name = "WebhookAttempt", description = "One delivery attempt")
    public record AttemptView(
            @Schema(format = "uuid", maxLength = 36) String eventId,
            @Schema(examples = "1042", minimum = "1") long sequence,
            @Schema(description = "1 for the first try of this event", examples = "1", minimum = "1") int attempt,
            OffsetDateTime at,
            @Schema(description = "The receiver's HTTP status; absent when it did not answer", examples = "200", minimum = "100", maximum = "599") Integer status,
            @Schema(maxLength = 500) String error,
            @Schema(examples = "35", minimum = "0") int millis) {
    }

    @Schema(name = "Redelivery", description = "Send again from an event on")
    public record Redelivery(
            @PositiveOrZero @Schema(description = "The sequence of the first event to send again", examples = "1000")
            long fromSequence) {
    }
}
