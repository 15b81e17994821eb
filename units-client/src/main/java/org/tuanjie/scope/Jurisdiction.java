package org.tuanjie.scope;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.scope.client.UnitsClient.UnitRef;

/**
 * The caller's reach, as a path of unit codes: everything whose unit path starts with it.
 */
@RequestScoped
public class Jurisdiction {

    /** Matches no path. */
    public static final String NOWHERE = "/-/";

    @Inject
    Caller caller;

    @Inject
    Directory directory;

    private String rootPath;

    public String rootPath() {
        if (rootPath == null) {
            rootPath = caller.unitCode().flatMap(directory::byCode).map(UnitRef::pathText).orElse(NOWHERE);
        }
        return rootPath;
    }

    public boolean covers(String unitPath) {
        return unitPath != null && unitPath.startsWith(rootPath());
    }

    /** The caller's own unit, when the token names one this service can see. */
    public boolean isOwnUnit(String unitCode) {
        return caller.unitCode().filter(unitCode::equals).isPresent();
    }

    /** @throws UnitNotVisible (404) when units-service does not show it or it lies outside the caller's reach */
    public UnitRef unit(UUID id) {
        return directory.byId(id).filter(u -> covers(u.pathText())).orElseThrow(() -> new UnitNotVisible(id));
    }

    public static String likePrefix(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public static final class UnitNotVisible extends Problems.NotFound {
        public UnitNotVisible(Object id) {
            super("unit-not-found", "unit.not-found", String.valueOf(id));
        }
    }
}
