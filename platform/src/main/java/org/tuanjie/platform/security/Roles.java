package org.tuanjie.platform.security;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Token roles ({@code realm_access.roles}), as DOMAIN.md names them.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String INSPECTOR = "inspector";
    public static final String UNIT_LIAISON = "unit-liaison";
    public static final String UNIT_LEADER = "unit-leader";
    public static final String AUDITOR = "auditor";
    public static final String INTEGRATION = "integration";

    /** The order the contract lists roles in. */
    public static final List<String> ORDER = List.of(ADMIN, INSPECTOR, UNIT_LIAISON, UNIT_LEADER, AUDITOR, INTEGRATION);
    public static final Comparator<String> ORDER_COMPARATOR = Comparator.comparingInt(ORDER::indexOf);

    /** Every role: reads open to anyone in reach. */
    public static final Set<String> EVERYONE = Set.copyOf(ORDER);
    /** The supervising staff: the creation office and its inspection groups. */
    public static final Set<String> OFFICE = Set.of(ADMIN, INSPECTOR);
    /** Who works a unit's own tasks and dossier. */
    public static final Set<String> UNIT = Set.of(UNIT_LIAISON, UNIT_LEADER);
    /** A unit's own people, its admin included: the policy then asks that the unit be theirs. */
    public static final Set<String> UNIT_STAFF = Set.of(ADMIN, UNIT_LIAISON, UNIT_LEADER);
    public static final Set<String> ADMINS = Set.of(ADMIN);
    /** Who reads a service's event feed: the office, oversight, and other county platforms. */
    public static final Set<String> EVENT_READERS = Set.of(ADMIN, AUDITOR, INTEGRATION);
    /** Who subscribes addresses to a service's events: the office, and other county platforms. */
    public static final Set<String> WEBHOOK_MANAGERS = Set.of(ADMIN, INTEGRATION);

    private Roles() {
    }
}
