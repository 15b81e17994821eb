package org.tuanjie.units.readiness.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tuanjie.units.dossier.DocumentLinks;
import org.tuanjie.units.dossier.DossierDocument;
import org.tuanjie.units.readiness.ReadinessRepository;

/** The readiness profile of a document's unit builds on it when it links it as the leading-group document. */
@ApplicationScoped
public class ReadinessDocumentLinks implements DocumentLinks {

    @Inject
    ReadinessRepository profiles;

    @Override
    public boolean isLinked(DossierDocument document) {
        return profiles.findByIdOptional(document.unitId()).filter(p -> p.links(document)).isPresent();
    }
}
