package org.tuanjie.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Gives committed outbox rows their feed positions, one relay at a time, in the order of their sequence
 * numbers. A row whose transaction commits late is positioned later, after rows already read: the feed is
 * gapless for a reader that remembers the last position it saw. Two changes of one resource are ordered
 * by the resource's row lock, so their events keep that order.
 */
@ApplicationScoped
public class FeedPositions {

    static final String PENDING = "select 1 from outbox_event where position is null limit 1";
    /** The advisory lock that keeps relays one at a time (hashtext of the column it guards). */
    static final String LOCK = "select count(*) from (select pg_advisory_xact_lock(hashtext('outbox_event.position'))) l";
    /** Positions after the last one given, in the order of the sequence numbers, for every committed row without one. */
    static final String POSITION = """
            update outbox_event e set position = p.base + p.n
            from (select seq, row_number() over (order by seq) as n,
                         (select coalesce(max(position), 0) from outbox_event) as base
                  from outbox_event where position is null) p
            where e.seq = p.seq""";

    @Inject
    EntityManager em;

    /** @return how many events joined the feed */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int relay() {
        boolean pending = !em.createNativeQuery(PENDING).getResultList().isEmpty();
        if (!pending) {
            return 0;
        }
        em.createNativeQuery(LOCK).getSingleResult();
        return em.createNativeQuery(POSITION).executeUpdate();
    }
}
