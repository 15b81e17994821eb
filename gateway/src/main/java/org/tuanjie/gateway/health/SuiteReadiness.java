package org.tuanjie.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.tuanjie.gateway.config.GatewayConfig;
import org.tuanjie.gateway.proxy.Circuits;
import org.tuanjie.gateway.proxy.Downstream;

/**
 * The suite's health as the gateway sees it: each service's own readiness. The gateway stays ready
 * while at least one service is, since its other routes still work; which ones are down is in the data,
 * with the state of the gateway's circuit to each (the health check itself goes around the circuit).
 */
@Readiness
@ApplicationScoped
public class SuiteReadiness implements AsyncHealthCheck {

    @Inject
    Downstream downstream;

    @Inject
    GatewayConfig config;

    @Inject
    Circuits circuits;

    @Override
    public Uni<HealthCheckResponse> call() {
        List<String> names = new ArrayList<>(config.services().keySet());
        names.sort(String::compareTo);
        List<Uni<Boolean>> checks = new ArrayList<>();
        for (String name : names) {
            checks.add(downstream.probe(name, "/q/health/ready", null, null, Duration.ofSeconds(2))
                    .map(Downstream.Reply::ok).onFailure().recoverWithItem(false));
        }
        return Uni.join().all(checks).andCollectFailures().map(results -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("suite");
            boolean any = false;
            for (int i = 0; i < names.size(); i++) {
                response.withData(names.get(i) + "-service", results.get(i) ? "UP" : "DOWN");
                response.withData(names.get(i) + "-service-circuit", circuits.of(names.get(i)).state().name());
                any |= results.get(i);
            }
            return response.status(any).build();
        });
    }
}
