package org.tuanjie.bench.peer.units;

/** What a unit is: a region of the administrative spine, or an organization under one. */
public enum UnitKind {
    PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, VILLAGE,
    ORGAN, INSTITUTION, ENTERPRISE, SCHOOL, RELIGIOUS_VENUE, HOSPITAL, SCENIC_AREA, CORPS_COMPANY;

    public String category() {
        return ordinal() <= VILLAGE.ordinal() ? "REGION" : "ORGANIZATION";
    }
}
