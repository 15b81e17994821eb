package org.tuanjie.tasks.sync.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.sync.CommitOrder;
import org.tuanjie.tasks.task.RectificationTask;
import org.tuanjie.tasks.task.TaskRepository;
import org.tuanjie.unitsclient.Jurisdiction;

/**
 * What changed among the tasks a caller reads, since the device last asked: the tasks written after the cursor that
 * the caller's reach covers (their unit or their assigning office, as the task list), and the ids of tasks that left
 * that reach (reassigned elsewhere, or their unit moved out). In the order the writing transactions committed; rows of
 * transactions that may still commit below the cursor are held back until they have, so none is skipped.
 */
@ApplicationScoped
public class TaskChanges {

    @Inject
    EntityManager em;

    @Inject
    TaskRepository tasks;

    @Inject
    Jurisdiction jurisdiction;

    /** A batch: the changed tasks in commit order, the ids gone from the caller's reach, and where to go on. */
    public record Batch(List<RectificationTask> changed, List<UUID> removed, Cursor next, boolean more) {
    }

    @Transactional
    public Batch since(Cursor after, int limit) {
        CommitOrder from = CommitOrder.after(after);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select cast(id as text), cast(txid as text), removed from (
                    select t.id, t.change_txid as txid, false as removed from rectification_task t
                    where (t.unit_path like ?1 or t.owner_path like ?1)
                      and (t.change_txid, t.id) > (cast(?2 as xid8), cast(?3 as uuid))
                      and t.change_txid < pg_snapshot_xmin(pg_current_snapshot())
                    union all
                    select d.task_id, d.change_txid, true from task_departure d
                    where (d.old_unit_path like ?1 or d.old_owner_path like ?1)
                      and (d.change_txid, d.task_id) > (cast(?2 as xid8), cast(?3 as uuid))
                      and d.change_txid < pg_snapshot_xmin(pg_current_snapshot())
                      and not exists (select 1 from rectification_task t where t.id = d.task_id
                                      and (t.unit_path like ?1 or t.owner_path like ?1))
                ) changed
                order by txid, id
                limit ?4""")
                .setParameter(1, Jurisdiction.likePrefix(jurisdiction.rootPath()))
                .setParameter(2, from.txid()).setParameter(3, from.id()).setParameter(4, limit + 1)
                .getResultList();
        CommitOrder.Batch read = from.batch(rows, limit);
        List<Object[]> batch = read.rows();
        List<UUID> ids = new ArrayList<>();
        Set<UUID> removed = new LinkedHashSet<>();
        batch.forEach(row -> (Boolean.TRUE.equals(row[2]) ? removed : ids).add(UUID.fromString((String) row[0])));
        removed.removeAll(ids); // left and came back within the batch: it is a change, not a removal
        Map<UUID, RectificationTask> byId = ids.isEmpty() ? Map.of()
                : tasks.list("id in ?1", ids).stream().collect(Collectors.toMap(RectificationTask::id, Function.identity()));
        return new Batch(ids.stream().distinct().map(byId::get).toList(), List.copyOf(removed), read.next(), read.more());
    }
}
