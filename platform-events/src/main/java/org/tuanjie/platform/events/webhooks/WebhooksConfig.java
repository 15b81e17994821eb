package org.tuanjie.platform.events.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How webhooks are delivered; defaults suit production, tests shorten the waits and allow loopback. */
@ConfigMapping(prefix = "webhooks")
public interface WebhooksConfig {

    /** How often due subscriptions are served. */
    @WithDefault("1s")
    Duration every();

    /** How long after start the first round waits. */
    @WithDefault("5s")
    Duration delayed();

    /** The first retry's wait; each next one doubles, up to {@link #maxBackoff()}. */
    @WithDefault("10s")
    Duration backoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** A subscription failing this long without a success is disabled, with the reason. */
    @WithDefault("24h")
    Duration disableAfter();

    /** How long a receiver has to answer one delivery. */
    @WithDefault("10s")
    Duration timeout();

    /** How long the previous secret still signs after a rotation, so receivers can switch without losing events. */
    @WithDefault("24h")
    Duration previousSecretValidity();

    /** Events sent per subscription per round, before others get their turn. */
    @WithDefault("100")
    int batch();

    /**
     * Private, loopback or link-local networks deliveries may go to anyway (CIDR, e.g. {@code 10.20.0.0/16} for the
     * county's OA on the government network). Unset: none; a receiver must be on a public address.
     */
    Optional<List<String>> allowedPrivateNetworks();
}
