package org.tuanjie.bench.peer.units;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UnitRepository extends JpaRepository<Unit, UUID> {

    @Query("select u.path from Unit u where u.code = :code")
    Optional<String> findPathByCode(String code);
}
