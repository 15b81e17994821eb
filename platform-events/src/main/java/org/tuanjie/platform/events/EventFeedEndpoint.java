package org.tuanjie.platform.events;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;

/**
 * The pull feed of a service's events, the same for every service: a service subclasses it only to give it
 * its path ({@code /tasks/events}), its tag and its guard. The caller's reach applies: an event is read by
 * whoever's reach covers the unit it concerns, or the office that acted on that unit.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class EventFeedEndpoint {

    @Inject
    EventFeed feed;

    @Inject
    Guard guard;

    @GET
    @Operation(operationId = "list{resource}Events", summary = "What happened, in order, since a cursor (CloudEvents)",
            description = "For platforms that poll instead of receiving webhooks. Start without a cursor; then ask with "
                    + "`next` (it is there even when the page is empty). Events come in the order they were committed "
                    + "and none is skipped: an event never appears behind a cursor already handed out. Each has a unique "
                    + "`id`: after a retry, one seen already can be ignored. An event is kept with the unit path it "
                    + "happened at: a unit moved away later stays in the feed of its old township for what happened before.")
    public EventPage list(
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("type") @Size(max = 30) @Parameter(description = "Only events of these types (repeat the parameter)",
                    example = "org.tuanjie.task.verified") List<@Size(max = 100) @Pattern(regexp = "[a-z0-9.-]{1,100}") String> types) {
        long after = cursor == null ? 0 : Cursor.decode(cursor, 1).number(0);
        List<CloudEvent> events = feed.after(guard.reach().root(), after, limit, types == null ? Set.of() : Set.copyOf(types));
        long last = events.isEmpty() ? after : Long.parseLong(events.get(events.size() - 1).sequence());
        return new EventPage(events, Cursor.of(Long.toString(last)).encode());
    }
}
