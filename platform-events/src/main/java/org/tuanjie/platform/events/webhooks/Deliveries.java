package org.tuanjie.platform.events.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.events.CloudEvent;
import org.tuanjie.platform.events.EventFeed;
import org.tuanjie.platform.events.FeedPositions;
import org.tuanjie.platform.time.Times;

/**
 * Sends each active subscription the events after the last one it took, in feed order, one at a time: an event
 * is sent again until its receiver answers 2xx (so at least once, and a receiver sees a resource's events in the
 * order they happened). A failure waits before the next try, twice as long each time up to a cap; a
 * subscription failing for a whole day is disabled with the reason. Where delivery stands is in the database,
 * advanced only after a 2xx: a service restarting in the middle of a retry resumes it. A lease on the
 * subscription keeps two instances from serving it at once; it is renewed with each event sent, so an instance
 * killed in the middle of a batch holds it only a short while.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    EventFeed feed;

    @Inject
    FeedPositions positions;

    @Inject
    ReceiverAddresses addresses;

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    WebhooksConfig config;

    @Inject
    DeliveryStats stats;

    /**
     * How long a subscription stays with the instance serving it without news from it: renewed with every event
     * sent, so an instance that died mid-batch holds it only this long (three delivery timeouts, at least 30 s).
     */
    private Duration lease() {
        Duration three = config.timeout().multipliedBy(3);
        return three.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30) : three;
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private record Subscription(UUID id, String url, List<String> types, UnitPath scope, long delivered, int failures,
            OffsetDateTime failingSince, String secret, String previousSecret, OffsetDateTime previousUntil) {
    }

    @Scheduled(identity = "webhook-deliveries", every = "${webhooks.every:1s}", delayed = "${webhooks.delayed:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        try {
            positions.relay();
            for (UUID id : due()) {
                lease(id).ifPresent(this::serve);
            }
            stats.refresh();
        } catch (RuntimeException e) {
            LOG.warnf("webhook deliveries paused this round: %s", e.toString());
        }
    }

    /** One round now, as the schedule would run it (for an operator, and for tests that do not wait). */
    public void deliverNow() {
        deliverDue();
    }

    private List<UUID> due() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select cast(id as text) from webhook_subscription
                where state = 'ACTIVE' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
                order by next_attempt_at limit 100""").getResultList().stream().map(id -> UUID.fromString((String) id)).toList());
    }

    private Optional<Subscription> lease(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("""
                    update webhook_subscription set lease_until = now() + cast(:lease as interval)
                    where id = :id and state = 'ACTIVE' and (lease_until is null or lease_until < now())
                    returning url, cast(types as text), scope_path, delivered_position, failures, failing_since, secret,
                              previous_secret, previous_secret_until""")
                    .setParameter("lease", lease().toSeconds() + " seconds").setParameter("id", id).getResultList();
            if (rows.isEmpty()) {
                return Optional.<Subscription>empty();
            }
            Object[] c = (Object[]) rows.get(0);
            return Optional.of(new Subscription(id, (String) c[0], subscriptions.types((String) c[1]), UnitPath.of((String) c[2]),
                    ((Number) c[3]).longValue(), ((Number) c[4]).intValue(), Times.utc(c[5]), (String) c[6], (String) c[7],
                    Times.utc(c[8])));
        });
    }

    private void serve(Subscription s) {
        int failures = s.failures();
        OffsetDateTime failingSince = s.failingSince();
        try {
            List<CloudEvent> events = QuarkusTransaction.requiringNew().call(() ->
                    feed.read(s.scope(), s.delivered(), config.batch(), new HashSet<>(s.types())));
            for (CloudEvent event : events) {
                Attempt attempt = send(s, event, failures + 1);
                record(s.id(), event, attempt, failures + 1);
                if (attempt.ok()) {
                    failures = 0;
                    failingSince = null;
                    delivered(s.id(), Long.parseLong(event.sequence()));
                } else {
                    failures++;
                    failingSince = failingSince == null ? now() : failingSince;
                    failed(s.id(), failures, failingSince, attempt);
                    return;
                }
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update webhook_subscription set lease_until = null where id = :id").setParameter("id", s.id()).executeUpdate());
        }
    }

    private record Attempt(Integer status, String error, long millis) {
        boolean ok() {
            return status != null && status / 100 == 2;
        }
    }

    private Attempt send(Subscription s, CloudEvent event, int attempt) {
        long start = System.nanoTime();
        Optional<String> refused = addresses.refusal(s.url());
        if (refused.isPresent()) {
            return new Attempt(null, refused.get(), 0);
        }
        try {
            byte[] body = json.writeValueAsBytes(event);
            long timestamp = System.currentTimeMillis() / 1000;
            List<String> signatures = new ArrayList<>();
            signatures.add(Signatures.sign(s.secret(), event.id(), timestamp, body));
            if (s.previousSecret() != null && s.previousUntil() != null && s.previousUntil().isAfter(now())) {
                signatures.add(Signatures.sign(s.previousSecret(), event.id(), timestamp, body));
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(s.url())).timeout(config.timeout())
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .header("webhook-id", event.id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", String.join(" ", signatures))
                    .header("User-Agent", "Tuanjie-Webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Attempt(response.statusCode(), response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode(),
                    elapsed(start));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            return new Attempt(null, truncate(e.toString()), elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, "interrupted", elapsed(start));
        }
    }

    private void record(UUID subscription, CloudEvent event, Attempt attempt, int number) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into webhook_attempt (subscription_id, event_id, position, attempt, at, status, error, millis)
                values (:s, :e, :p, :n, :at, :status, :error, :millis)""")
                .setParameter("s", subscription).setParameter("e", UUID.fromString(event.id()))
                .setParameter("p", Long.parseLong(event.sequence())).setParameter("n", number).setParameter("at", now())
                .setParameter("status", attempt.status()).setParameter("error", attempt.error())
                .setParameter("millis", (int) Math.min(Integer.MAX_VALUE, attempt.millis())).executeUpdate());
    }

    private void delivered(UUID subscription, long position) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update webhook_subscription set delivered_position = greatest(delivered_position, :p), failures = 0,
                    failing_since = null, next_attempt_at = :now, lease_until = :lease where id = :id""")
                .setParameter("p", position).setParameter("now", now()).setParameter("lease", now().plus(lease()))
                .setParameter("id", subscription).executeUpdate());
    }

    private void failed(UUID subscription, int failures, OffsetDateTime failingSince, Attempt attempt) {
        boolean disable = failingSince.plus(config.disableAfter()).isBefore(now());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update webhook_subscription set failures = :f, failing_since = :since, next_attempt_at = :next,
                    state = :state, disabled_reason = :reason where id = :id""")
                .setParameter("f", failures).setParameter("since", failingSince)
                .setParameter("next", now().plus(backoff(failures)))
                .setParameter("state", disable ? "DISABLED" : "ACTIVE")
                .setParameter("reason", disable ? truncate("failing since " + failingSince + ", " + failures
                        + " attempts; last: " + attempt.error()) : null)
                .setParameter("id", subscription).executeUpdate());
    }

    /** 1 failure: the base wait; each next one twice as long, up to the cap. */
    Duration backoff(int failures) {
        Duration wait = config.backoff();
        for (int i = 1; i < failures && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
