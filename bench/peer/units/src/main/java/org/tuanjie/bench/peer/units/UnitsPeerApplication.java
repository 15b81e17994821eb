package org.tuanjie.bench.peer.units;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/** The benchmark's peer of units-service's {@code GET /units/{id}}, on units-service's own table (read-only). */
@SpringBootApplication
@EnableCaching
public class UnitsPeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(UnitsPeerApplication.class, args);
    }
}
