package org.tuanjie.gateway.proxy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.tuanjie.gateway.config.GatewayConfig;

/**
 * A {@link Circuit} per downstream service, shared by the proxy and the composed views, so that a
 * dead or hung service is not asked again and again while it cannot answer: callers get a 503 at once
 * instead of waiting for a timeout each, and the service is not swamped the moment it comes back.
 * Each change is logged and the state is a gauge ({@code gateway_circuit_state}: 0 closed, 1 half-open,
 * 2 open) and in the readiness data.
 */
@ApplicationScoped
public class Circuits {

    private static final Logger LOG = Logger.getLogger(Circuits.class);

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry registry;

    private final Map<String, Circuit> circuits = new TreeMap<>();

    @PostConstruct
    void init() {
        for (String service : config.services().keySet()) {
            Circuit circuit = new Circuit(config.breaker().failures(), config.breaker().openFor().toMillis(), System::nanoTime,
                    (from, to, failures) -> changed(service, from, to, failures));
            circuits.put(service, circuit);
            Gauge.builder("gateway.circuit.state", circuit, c -> switch (c.state()) {
                case CLOSED -> 0;
                case HALF_OPEN -> 1;
                case OPEN -> 2;
            }).tag("service", service).description("The gateway's circuit to a service: 0 closed, 1 half-open, 2 open")
                    .register(registry);
        }
    }

    public Circuit of(String service) {
        Circuit circuit = circuits.get(service);
        if (circuit == null) {
            throw new IllegalArgumentException("no such service: " + service);
        }
        return circuit;
    }

    /** Each service's state, by name. */
    public Map<String, Circuit.State> states() {
        Map<String, Circuit.State> states = new TreeMap<>();
        circuits.forEach((service, circuit) -> states.put(service, circuit.state()));
        return states;
    }

    private void changed(String service, Circuit.State from, Circuit.State to, int failures) {
        switch (to) {
            case OPEN -> LOG.warnf("%s-service circuit open after %d failure(s) in a row: answering 503 for %d ms, then one trial call",
                    service, failures, config.breaker().openFor().toMillis());
            case HALF_OPEN -> LOG.infof("%s-service circuit half-open: one trial call goes through", service);
            case CLOSED -> LOG.infof("%s-service circuit closed: %s-service answers again", service, service);
        }
    }
}
