package org.tuanjie.platform.files;

import java.util.Optional;

/**
 * Implemented by each service that keeps files: the record a file belongs to, as the service's
 * access policy knows it. An attached file is seen by whoever sees its record, nobody else.
 */
public interface FileOwners {

    /** The record, or empty when it no longer exists (the file then reads as missing). */
    Optional<Object> record(StoredFile.Owner owner);
}
