package org.tuanjie.platform.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** The service's one policy, as its {@link AccessPolicy.Source} declares it. */
@ApplicationScoped
public class PolicyProducer {

    @Produces
    @Singleton
    AccessPolicy policy() {
        return AccessPolicy.load();
    }
}
