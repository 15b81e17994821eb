package org.tuanjie.platform.events.webhooks;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where webhook delivery stands, for an operator's dashboard and alerts: how many subscriptions are delivering,
 * failing (retrying with back-off) or disabled, and how far the most-behind active one trails the feed (events of
 * any type: an upper bound on what it still has to receive). Read from the database after each delivery round, so
 * every instance reports the same figures and a scrape never waits on a query.
 */
@ApplicationScoped
public class DeliveryStats {

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    private final AtomicLong delivering = new AtomicLong();
    private final AtomicLong failing = new AtomicLong();
    private final AtomicLong disabled = new AtomicLong();
    private final AtomicLong backlog = new AtomicLong();

    @PostConstruct
    void register() {
        String subscriptions = "The webhook subscriptions of other platforms, by where their delivery stands";
        Gauge.builder("tuanjie.webhook.subscriptions", delivering, AtomicLong::get).tag("state", "delivering")
                .description(subscriptions).register(registry);
        Gauge.builder("tuanjie.webhook.subscriptions", failing, AtomicLong::get).tag("state", "failing")
                .description(subscriptions).register(registry);
        Gauge.builder("tuanjie.webhook.subscriptions", disabled, AtomicLong::get).tag("state", "disabled")
                .description(subscriptions).register(registry);
        Gauge.builder("tuanjie.webhook.backlog", backlog, AtomicLong::get).baseUnit("events")
                .description("Events in the feed after the last one the most-behind active subscription received")
                .register(registry);
    }

    /** Reads the figures again (one query over the subscriptions and the feed's head). */
    void refresh() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select count(*) filter (where s.state = 'ACTIVE' and s.failing_since is null),
                       count(*) filter (where s.state = 'ACTIVE' and s.failing_since is not null),
                       count(*) filter (where s.state = 'DISABLED'),
                       coalesce(max(head.position - s.delivered_position) filter (where s.state = 'ACTIVE'), 0)
                from (select coalesce(max(position), 0) as position from outbox_event) head
                left join webhook_subscription s on true""").getSingleResult());
        delivering.set(((Number) row[0]).longValue());
        failing.set(((Number) row[1]).longValue());
        disabled.set(((Number) row[2]).longValue());
        backlog.set(Math.max(0, ((Number) row[3]).longValue()));
    }
}
