package org.tuanjie.platform.events;

import static org.tuanjie.platform.security.Roles.EVENT_READERS;
import static org.tuanjie.platform.security.Roles.WEBHOOK_MANAGERS;

import java.util.List;
import org.tuanjie.platform.access.Rule;

/**
 * Who may call a service's event feed and webhook operations, the same in every service: the office, oversight
 * and other platforms read within their reach; the office and platforms subscribe. Reach is applied by the
 * feed and the subscriptions themselves (an event's unit or office; a subscription's scope).
 */
public final class EventAccess {

    private EventAccess() {
    }

    /** @param root the service's path for them, e.g. {@code /tasks}: {@code /tasks/events}, {@code /tasks/webhooks…} */
    public static List<Rule> rules(String root) {
        String hooks = root + "/webhooks";
        return List.of(
                Rule.of("GET", root + "/events", EVENT_READERS),
                Rule.of("POST", hooks, WEBHOOK_MANAGERS),
                Rule.of("GET", hooks, EVENT_READERS),
                Rule.of("GET", hooks + "/{id}", EVENT_READERS),
                Rule.of("GET", hooks + "/{id}/attempts", EVENT_READERS),
                Rule.of("DELETE", hooks + "/{id}", WEBHOOK_MANAGERS),
                Rule.of("POST", hooks + "/{id}/secret", WEBHOOK_MANAGERS),
                Rule.of("POST", hooks + "/{id}/enable", WEBHOOK_MANAGERS),
                Rule.of("POST", hooks + "/{id}/redeliveries", WEBHOOK_MANAGERS));
    }
}
