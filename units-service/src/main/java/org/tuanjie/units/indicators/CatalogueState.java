package org.tuanjie.units.indicators;

/** A catalogue is edited as a draft; published, it is what units are judged by, and never changes again. */
public enum CatalogueState {
    DRAFT,
    PUBLISHED
}
