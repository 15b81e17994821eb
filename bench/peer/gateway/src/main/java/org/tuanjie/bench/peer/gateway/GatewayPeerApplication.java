package org.tuanjie.bench.peer.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The benchmark's peer of our gateway: Spring Cloud Gateway in front of the units peer. */
@SpringBootApplication
public class GatewayPeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayPeerApplication.class, args);
    }
}
