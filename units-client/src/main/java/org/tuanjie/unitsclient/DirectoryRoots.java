package org.tuanjie.unitsclient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tuanjie.platform.access.RootLookup;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;

/** The caller's root as units-service places it (asked with the caller's token, cached briefly). */
@ApplicationScoped
public class DirectoryRoots implements RootLookup {

    @Inject
    Directory directory;

    @Override
    public UnitPath pathOf(String unitCode) {
        return directory.byCode(unitCode).map(UnitRef::unitPath).orElse(UnitPath.NOWHERE);
    }
}
