package org.tuanjie.platform.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a keyset listing and where the next one starts, if there is one.
 */
public record Page<T>(List<T> items, Optional<Cursor> next) {

    /**
     * @param fetched up to {@code limit + 1} rows in sort order; the extra row only says that more exist
     * @param keyOf   the sort keys of a row, for the cursor
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Cursor> keyOf) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), Optional.empty());
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, Optional.of(keyOf.apply(items.get(limit - 1))));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
