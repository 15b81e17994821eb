package org.tuanjie.units.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/**
 * A realm role the suite grants to a person's account, named as in the token. {@code integration} is not one:
 * it belongs to the clients of other systems, never to a person.
 */
public enum AccountRole {
    @JsonProperty("admin") ADMIN("admin", true),
    @JsonProperty("inspector") INSPECTOR("inspector", true),
    @JsonProperty("auditor") AUDITOR("auditor", true),
    @JsonProperty("unit-liaison") UNIT_LIAISON("unit-liaison", false),
    @JsonProperty("unit-leader") UNIT_LEADER("unit-leader", false);

    /** How many roles there are: a set of them holds no more. */
    public static final int NUMBER_OF_ROLES = 5;

    private final String tokenName;
    private final boolean office;

    AccountRole(String tokenName, boolean office) {
        this.tokenName = tokenName;
        this.office = office;
    }

    /** The realm role's name, as the token carries it. */
    public String tokenName() {
        return tokenName;
    }

    /**
     * Whether the role supervises others (the creation office, its inspection groups, discipline staff), rather
     * than working on its own unit's tasks: only an office of county level or above grants or revokes it.
     */
    public boolean isOffice() {
        return office;
    }

    public static Optional<AccountRole> ofTokenName(String name) {
        return Arrays.stream(values()).filter(r -> r.tokenName.equals(name)).findFirst();
    }
}
