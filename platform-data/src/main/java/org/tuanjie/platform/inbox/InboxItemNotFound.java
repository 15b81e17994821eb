package org.tuanjie.platform.inbox;

import java.util.UUID;
import org.tuanjie.platform.problem.Problems;

/** Unknown, or another unit's or audience's item: the same 404. */
public final class InboxItemNotFound extends Problems.NotFound {
    public InboxItemNotFound(UUID id) {
        super("inbox-item-not-found", "inbox.item-not-found", String.valueOf(id));
    }
}
