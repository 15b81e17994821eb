package org.tuanjie.units.unit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tuanjie.platform.access.UnitPath;

@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, UUID> {

    public Optional<Unit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public boolean codeExists(String code) {
        return count("code", code) > 0;
    }

    /** Root first. */
    public List<Unit> findByCodesInPathOrder(List<String> codes) {
        return list("code in ?1 order by depth", codes);
    }

    public long countOpenChildren(UUID parentId) {
        return count("parentId = ?1 and closedOn is null", parentId);
    }

    /**
     * Re-roots every descendant of a moved unit in one statement, bumping their versions so that
     * cached ETags of descendants go stale too.
     */
    public int rerootDescendants(String oldPath, String newPath, int depthDelta, String by) {
        return getEntityManager().createNativeQuery("""
                update unit set path = ?2 || substr(path, length(?1) + 1), depth = depth + ?3,
                       version = version + 1, updated_at = now(), updated_by = ?4
                where path like ?5 and path <> ?1""")
                .setParameter(1, oldPath).setParameter(2, newPath).setParameter(3, depthDelta)
                .setParameter(4, by).setParameter(5, UnitPath.of(oldPath).likePattern())
                .executeUpdate();
    }

    /**
     * Records that the subtree now at {@code newPath} left {@code oldPath}: one departure per unit in it,
     * with the path it had. Call after the subtree was re-rooted, in the same transaction.
     */
    public int recordDepartures(String oldPath, String newPath) {
        return getEntityManager().createNativeQuery("""
                insert into unit_departure (unit_id, old_path)
                select id, ?1 || substr(path, length(?2) + 1) from unit where path like ?3""")
                .setParameter(1, oldPath).setParameter(2, newPath).setParameter(3, UnitPath.of(newPath).likePattern())
                .executeUpdate();
    }
}
