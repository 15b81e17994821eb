package org.tuanjie.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Downstream services by name: {@code units}, {@code tasks}, {@code agreements}. */
    Map<String, Service> services();

    /**
     * A downstream answer must start within this once the request is sent, else 504; no pause while a body
     * goes up or an answer comes down may last longer either.
     */
    @WithDefault("5s")
    Duration timeout();

    /**
     * How long a service may take to answer once the last byte of a file upload ({@code platform.http.file-paths})
     * reached it: it stores and hashes the file first, which for ten 50 MB uploads at once takes longer than
     * {@link #timeout()}. While the bytes flow, {@link #timeout()} bounds a pause.
     */
    @WithDefault("60s")
    Duration uploadTimeout();

    /**
     * Sheet imports (a county's units, a ledger, an indicator catalogue), whose service reads and checks every row and
     * writes them all in one transaction before it answers: 20,000 units take longer than {@link #timeout()}. They get
     * {@link #uploadTimeout()} as file uploads do; a regular expression over the request's path.
     */
    @WithDefault("/api(/v1)?/(units/import|ledger/import|indicator-catalogues/[^/]+/sheet)")
    String importPaths();

    RateLimit rateLimit();

    Unversioned unversioned();

    Breaker breaker();

    Login login();

    interface Service {
        URI url();
    }

    interface RateLimit {
        /** Sustained requests per second per caller (a person on a client app, or an address). */
        @WithDefault("50")
        int perSecond();

        /** Requests a caller may send at once before the rate applies. */
        @WithDefault("100")
        int burst();

        /** Sustained requests per second of one client app, all its callers together. */
        @WithDefault("500")
        int appPerSecond();

        /** Requests one client app's callers may send at once, together. */
        @WithDefault("1000")
        int appBurst();

        /** Where the buckets are: {@code memory} (each replica its own) or {@code redis} (shared, {@code quarkus.redis.hosts}). */
        @WithDefault("memory")
        String store();

        /** How long a request waits for Redis before this replica limits alone. */
        @WithDefault("200ms")
        Duration sharedTimeout();
    }

    /** The paths of the first release without a version ({@code /api/units}): kept working, answered as deprecated. */
    interface Unversioned {
        /** Since when they are deprecated (the {@code Deprecation} header). */
        @WithDefault("2026-12-03")
        java.time.LocalDate deprecatedSince();

        /** From when they may stop working (the {@code Sunset} header): a year's notice. */
        @WithDefault("2027-12-31")
        java.time.LocalDate sunset();
    }

    interface Breaker {
        /** Transport failures in a row (refused, dropped, timed out) that open a service's circuit. */
        @WithDefault("5")
        int failures();

        /** How long an open circuit answers 503 at once before one call is let through as a trial. */
        @WithDefault("5s")
        Duration openFor();
    }

    interface Login {
        /** The OIDC issuer users log in at (Swagger UI's authorization code flow). */
        String issuer();
    }
}
