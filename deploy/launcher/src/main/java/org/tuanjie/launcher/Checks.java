package org.tuanjie.launcher;

/** Where each check of a story is reported, passed or not, with what was seen. */
interface Checks {
    void check(boolean ok, String what, Object detail);
}
