package org.tuanjie.platform.time;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A timestamptz column as the JDBC driver hands it over, in UTC. */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime utc(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (column instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) column).toInstant().atOffset(ZoneOffset.UTC);
    }
}
