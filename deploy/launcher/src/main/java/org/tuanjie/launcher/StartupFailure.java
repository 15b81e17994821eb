package org.tuanjie.launcher;

/** Something the person can fix: a port in use, a missing distribution, a process that died. */
final class StartupFailure extends RuntimeException {

    StartupFailure(String message) {
        super(message, null, false, false);
    }
}
