package org.tuanjie.agreements.inbox.rest;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.agreements.inbox.InboxKind;
import org.tuanjie.agreements.inbox.service.AgreementInbox;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.inbox.InboxStore;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;
import org.tuanjie.platform.problem.Problem;

@Guarded
@Path("/agreements/inbox")
@Tag(name = "Inbox", description = "What needs you: the agreements waiting for your signature or your office's countersignature")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    @Inject
    AgreementInbox inbox;

    @Schema(name = "AgreementInboxItem")
    public record ItemView(UUID id, InboxKind kind, UUID agreementId,
            @Schema(description = "The agreement's title, year, version and party B; `resigning` when its signing leader "
                    + "was replaced and the new one signs again",
                    example = "{\"title\": \"2026年度民族团结进步创建工作目标责任书\", \"year\": 2026, \"versionNo\": 1, "
                            + "\"unitCode\": \"513330100000\", \"unitName\": \"更庆镇\", \"resigning\": false}")
            Map<String, Object> detail,
            OffsetDateTime createdAt,
            @Schema(description = "When the step that answers it was recorded; absent while it waits: a device drops a "
                    + "resolved item") OffsetDateTime resolvedAt,
            @Schema(description = "Whether you marked it read (on any of your devices)") boolean read) {
    }

    @Schema(name = "AgreementInboxChanges")
    public record ChangesView(
            @Schema(description = "Items written, resolved or marked read since the cursor", maxItems = PageResponse.MAX_LIMIT)
            List<ItemView> items,
            @Schema(description = "Pass back as `cursor` to get what changed after this batch; keep it on the device",
                    example = "djEfNzQyH2M2ZTQ5ZjZjLTk1MjMtNDc0Zi1hYjFkLTJkNjQ3ZGZmZDJjMg", maxLength = Cursor.MAX_LENGTH)
            String cursor,
            @Schema(description = "True when more changes are waiting: call again at once") boolean more) {
    }

    @GET
    @Operation(summary = "Your agreements inbox, by delta sync",
            description = "What waits on you: for a unit's principal leader, the unit's agreement to sign (also again, "
                    + "after a change of leader); for an office's admins, the agreements it issued that party B signed, to "
                    + "countersign. Start without a cursor (what waits now), keep the returned cursor, and call again for "
                    + "what was written, resolved or marked read since, in commit order.")
    public ChangesView getAgreementInbox(@QueryParam("cursor") @Parameter(description = "`cursor` of the previous batch") String cursor,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit) {
        InboxStore.Batch batch = inbox.read(cursor == null ? null : Cursor.decode(cursor, 2), limit);
        return new ChangesView(batch.items().stream().map(i -> new ItemView(i.id(), InboxKind.valueOf(i.kind()), i.about(),
                i.detail(), i.createdAt(), i.resolvedAt(), i.read())).toList(), batch.next().encode(), batch.more());
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark an item of your agreements inbox read", description = "For you only, on all your devices; again changes nothing.")
    @APIResponse(responseCode = "204", description = "Marked")
    @APIResponse(responseCode = "404", description = "Not an item of your inbox",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response markAgreementInboxItemRead(@PathParam("id") @Parameter(description = "The item's id") UUID id) {
        inbox.markRead(id);
        return Response.noContent().build();
    }
}
