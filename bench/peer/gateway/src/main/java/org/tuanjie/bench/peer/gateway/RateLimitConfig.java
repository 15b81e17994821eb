package org.tuanjie.bench.peer.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The rate limit of the units route: a token bucket per token subject, in this process. */
@Configuration
public class RateLimitConfig {

    @Bean
    KeyResolver subjectKeyResolver() {
        return exchange -> exchange.getPrincipal()
                .cast(JwtAuthenticationToken.class)
                .map(authentication -> authentication.getToken().getSubject());
    }

    @Bean
    InMemoryRateLimiter inMemoryRateLimiter(@Value("${peer.rate.per-second}") int perSecond,
            @Value("${peer.rate.burst}") int burst) {
        return new InMemoryRateLimiter(perSecond, burst);
    }
}
