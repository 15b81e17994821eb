package org.tuanjie.platform.sync;

import java.util.List;
import java.util.UUID;
import org.tuanjie.platform.paging.Cursor;

/**
 * A position in a delta-sync feed read in commit order: the id of the transaction that last wrote a row
 * ({@code xid8}, from {@code pg_current_xact_id()}) and the row's id. A feed query selects rows after the position,
 * holds back those of transactions that may still commit below it ({@code pg_snapshot_xmin}), orders by
 * {@code (txid, id)} and reads one row more than it returns, so it knows whether more wait.
 *
 * @param txid the transaction id, as text (the query casts it to xid8)
 * @param id   the row id, as text (the query casts it to uuid)
 */
public record CommitOrder(String txid, String id) {

    /** Before every row: where a device without a cursor starts. */
    public static final CommitOrder START = new CommitOrder("0", new UUID(0, 0).toString());

    /** The position a device's cursor names, or {@link #START} without one. */
    public static CommitOrder after(Cursor cursor) {
        return cursor == null ? START : new CommitOrder(Long.toString(cursor.number(0)), cursor.uuid(1).toString());
    }

    /**
     * The rows to return of those read with {@code limit + 1}, each {@code [id, txid, ...]} as text, and the cursor
     * of the last one (this position's, when none: an empty batch keeps the device where it was).
     */
    public Batch batch(List<Object[]> rows, int limit) {
        boolean more = rows.size() > limit;
        List<Object[]> taken = more ? rows.subList(0, limit) : rows;
        Object[] last = taken.isEmpty() ? null : taken.get(taken.size() - 1);
        Cursor next = last == null ? Cursor.of(txid, id) : Cursor.of((String) last[1], (String) last[0]);
        return new Batch(taken, next, more);
    }

    /** Rows of one batch, where the next read starts, and whether more wait already. */
    public record Batch(List<Object[]> rows, Cursor next, boolean more) {
    }
}
