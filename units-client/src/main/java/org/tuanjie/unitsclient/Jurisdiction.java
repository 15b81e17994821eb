package org.tuanjie.unitsclient;

import org.tuanjie.platform.access.UnitNotFound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;

/**
 * The caller's reach, as a path of unit codes: everything whose unit path starts with it.
 */
@RequestScoped
public class Jurisdiction {

    @Inject
    Caller caller;

    @Inject
    Directory directory;

    @Inject
    Guard guard;

    public UnitPath root() {
        return guard.reach().root();
    }

    public String rootPath() {
        return root().text();
    }

    public boolean covers(String unitPath) {
        return root().covers(unitPath);
    }

    /** The caller's own unit, when the token names one this service can see. */
    public boolean isOwnUnit(String unitCode) {
        return caller.unitCode().filter(unitCode::equals).isPresent();
    }

    /**
     * The unit, when the caller sees it and meets the current operation's conditions on it (the policy's).
     *
     * @throws UnitNotFound (404) when units-service does not show it or it lies outside the caller's reach
     */
    public UnitRef unit(UUID id) {
        return directory.byId(id).map(u -> guard.require(u, () -> new UnitNotFound(id)))
                .orElseThrow(() -> new UnitNotFound(id));
    }

    public static String likePrefix(String path) {
        return UnitPath.of(path).likePattern();
    }

}
