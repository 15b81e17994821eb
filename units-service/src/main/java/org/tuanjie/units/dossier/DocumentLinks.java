package org.tuanjie.units.dossier;

/**
 * Whether another capability builds on a dossier document: the readiness profile shows its unit's leading-group
 * document (领导小组文件) from the dossier. A document something builds on is not withdrawn from under it.
 */
public interface DocumentLinks {

    boolean isLinked(DossierDocument document);
}
