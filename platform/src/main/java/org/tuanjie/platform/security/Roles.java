package org.tuanjie.platform.security;

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

    private Roles() {
    }
}
