package org.tuanjie.units.unit;

/**
 * Administrative levels a {@link DivisionCode} can name, top down.
 */
public enum DivisionLevel {
    PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, VILLAGE
}
