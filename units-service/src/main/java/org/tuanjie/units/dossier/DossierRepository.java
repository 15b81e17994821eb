package org.tuanjie.units.dossier;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class DossierRepository implements PanacheRepositoryBase<DossierEntry, UUID> {

    /** Whether the unit has an active (not withdrawn) document of this number, other than {@code except}. */
    public boolean documentNumberTaken(UUID unitId, String number, UUID except) {
        return count("from DossierDocument d where d.unitId = ?1 and d.number = ?2 and d.withdrawnAt is null and d.id <> ?3",
                unitId, number, except == null ? new UUID(0, 0) : except) > 0;
    }

    /**
     * Moves the entries of the units now under {@code path} up the delta sync: a moved subtree's entries are news to
     * the phones of the reach it entered. Their versions stay: nothing about them changed.
     */
    public int touchSubtree(String likePattern) {
        return getEntityManager().createNativeQuery("""
                update dossier_entry e set change_txid = pg_current_xact_id()
                from unit u where u.id = e.unit_id and u.path like ?1""")
                .setParameter(1, likePattern).executeUpdate();
    }
}
