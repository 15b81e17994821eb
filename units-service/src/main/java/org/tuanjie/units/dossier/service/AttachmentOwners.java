package org.tuanjie.units.dossier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.tuanjie.platform.files.FileOwners;
import org.tuanjie.platform.files.StoredFile.Owner;
import org.tuanjie.units.dossier.DossierEntry;
import org.tuanjie.units.dossier.DossierRepository;
import org.tuanjie.units.unit.UnitRepository;

/**
 * Dossier entries hold files (an activity's photos, a document's scan). A file is seen by whoever sees
 * the unit whose dossier holds its entry, as the entry itself is.
 */
@ApplicationScoped
public class AttachmentOwners implements FileOwners {

    public static final String ENTRY = "dossier-entry";

    @Inject
    DossierRepository entries;

    @Inject
    UnitRepository units;

    public static Owner of(DossierEntry entry) {
        return Owner.of(ENTRY, entry.id());
    }

    @Override
    public Optional<Object> record(Owner owner) {
        if (!ENTRY.equals(owner.kind())) {
            return Optional.empty();
        }
        try {
            return entries.findByIdOptional(UUID.fromString(owner.id())).map(e -> units.findById(e.unitId()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
