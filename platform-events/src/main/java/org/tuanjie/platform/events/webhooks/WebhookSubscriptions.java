package org.tuanjie.platform.events.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.events.FeedPositions;
import org.tuanjie.platform.time.Times;
import org.tuanjie.platform.events.webhooks.WebhookViews.AttemptView;
import org.tuanjie.platform.events.webhooks.WebhookViews.NewWebhook;
import org.tuanjie.platform.events.webhooks.WebhookViews.WebhookView;
import org.tuanjie.platform.problem.Problems;

/**
 * The webhook subscriptions of a service. A subscription's scope is its maker's reach: it receives the events
 * of units there, and is seen and managed by whoever's reach covers it (a platform, or the office above it).
 */
@ApplicationScoped
public class WebhookSubscriptions {

    private static final String COLUMNS = """
            id, url, cast(types as text), scope_path, state, disabled_reason, delivered_position, failures,
            failing_since, next_attempt_at, created_by, created_at, secret""";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ReceiverAddresses addresses;

    @Inject
    FeedPositions positions;

    @Inject
    WebhooksConfig config;

    /** A new subscription receives what happens from now on; its secret is in the answer, once. */
    @Transactional
    public WebhookView subscribe(NewWebhook request, UnitPath scope, String by) {
        addresses.refusal(request.url()).ifPresent(why -> {
            throw new AddressRefused(request.url(), why);
        });
        positions.relay();
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                insert into webhook_subscription (id, url, types, scope_path, secret, state, delivered_position,
                    next_attempt_at, created_by, created_at)
                values (:id, :url, cast(:types as jsonb), :scope, :secret, 'ACTIVE',
                    (select coalesce(max(position), 0) from outbox_event), :now, :by, :now)""")
                .setParameter("id", id).setParameter("url", request.url()).setParameter("types", text(request.types()))
                .setParameter("scope", scope.text()).setParameter("secret", Signatures.newSecret())
                .setParameter("now", now()).setParameter("by", by).executeUpdate();
        return view(id, true);
    }

    /** Subscriptions listed at most: a county has a handful of platforms, not hundreds. */
    public static final int MAX_LISTED = 500;

    @Transactional
    public List<WebhookView> visible(UnitPath reach) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from webhook_subscription where scope_path like :reach "
                + "order by created_at, id limit " + MAX_LISTED).setParameter("reach", reach.likePattern()).getResultList();
        return rows.stream().map(row -> view((Object[]) row, false)).toList();
    }

    @Transactional
    public WebhookView get(UUID id, UnitPath reach) {
        return view(seen(id, reach), false);
    }

    @Transactional
    public void delete(UUID id, UnitPath reach) {
        seen(id, reach);
        em.createNativeQuery("delete from webhook_subscription where id = :id").setParameter("id", id).executeUpdate();
    }

    /** A new secret; the old one still signs for {@code webhooks.previous-secret-validity}, beside the new one. */
    @Transactional
    public WebhookView rotate(UUID id, UnitPath reach) {
        seen(id, reach);
        em.createNativeQuery("""
                update webhook_subscription set previous_secret = secret, previous_secret_until = :until, secret = :secret
                where id = :id""")
                .setParameter("until", now().plus(config.previousSecretValidity()))
                .setParameter("secret", Signatures.newSecret()).setParameter("id", id).executeUpdate();
        return view(id, true);
    }

    /** Active again, trying at once from where delivery stopped. */
    @Transactional
    public WebhookView enable(UUID id, UnitPath reach) {
        seen(id, reach);
        em.createNativeQuery("""
                update webhook_subscription set state = 'ACTIVE', disabled_reason = null, failures = 0,
                    failing_since = null, next_attempt_at = :now where id = :id""")
                .setParameter("now", now()).setParameter("id", id).executeUpdate();
        return view(id, false);
    }

    /** Sends again every event from {@code fromSequence} on (what the receiver lost, say). */
    @Transactional
    public WebhookView redeliver(UUID id, UnitPath reach, long fromSequence) {
        seen(id, reach);
        em.createNativeQuery("""
                update webhook_subscription set delivered_position = :position, failures = 0, failing_since = null,
                    next_attempt_at = :now where id = :id""")
                .setParameter("position", Math.max(0, fromSequence - 1)).setParameter("now", now())
                .setParameter("id", id).executeUpdate();
        return view(id, false);
    }

    /** The latest attempts first. */
    @Transactional
    public List<AttemptView> attempts(UUID id, UnitPath reach, int limit) {
        seen(id, reach);
        List<?> rows = em.createNativeQuery("""
                select cast(event_id as text), position, attempt, at, status, error, millis from webhook_attempt
                where subscription_id = :id order by id desc limit :limit""")
                .setParameter("id", id).setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> {
            Object[] c = (Object[]) row;
            return new AttemptView((String) c[0], ((Number) c[1]).longValue(), ((Number) c[2]).intValue(), Times.utc(c[3]),
                    c[4] == null ? null : ((Number) c[4]).intValue(), (String) c[5], ((Number) c[6]).intValue());
        }).toList();
    }

    private Object[] seen(UUID id, UnitPath reach) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from webhook_subscription where id = :id")
                .setParameter("id", id).getResultList();
        if (rows.isEmpty() || !reach.covers(UnitPath.of((String) ((Object[]) rows.get(0))[3]))) {
            throw new WebhookNotFound(id);
        }
        return (Object[]) rows.get(0);
    }

    private WebhookView view(UUID id, boolean withSecret) {
        Object[] row = (Object[]) em.createNativeQuery("select " + COLUMNS + " from webhook_subscription where id = :id")
                .setParameter("id", id).getSingleResult();
        return view(row, withSecret);
    }

    private WebhookView view(Object[] c, boolean withSecret) {
        return new WebhookView(UUID.fromString(c[0].toString()), (String) c[1], types((String) c[2]), UnitPath.of((String) c[3]).code(),
                (String) c[4], (String) c[5], ((Number) c[6]).longValue(), ((Number) c[7]).intValue(), Times.utc(c[8]),
                Times.utc(c[9]), (String) c[10], Times.utc(c[11]), withSecret ? (String) c[12] : null);
    }

    List<String> types(String text) {
        try {
            return json.readValue(text, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored types are not a JSON list", e);
        }
    }

    private String text(List<String> types) {
        try {
            return json.writeValueAsString(types.stream().distinct().toList());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public static final class WebhookNotFound extends Problems.NotFound {
        public WebhookNotFound(UUID id) {
            super("webhook-not-found", "problem.webhook-not-found.detail", id);
        }
    }

    public static final class AddressRefused extends Problems.Unprocessable {
        public AddressRefused(String url, String why) {
            super("webhook-address-refused", "problem.webhook-address-refused.detail", url, why);
        }
    }
}
