package org.tuanjie.platform.access;

/** Where the unit a token names sits, as the service can find out ({@link UnitPath#NOWHERE} when unknown). */
public interface RootLookup {
    UnitPath pathOf(String unitCode);
}
