package org.tuanjie.units.dossier;

/** ACTIVE while the entry counts; WITHDRAWN once withdrawn with a reason (kept, readable, counted no more). */
public enum EntryStatus {
    ACTIVE,
    WITHDRAWN
}
