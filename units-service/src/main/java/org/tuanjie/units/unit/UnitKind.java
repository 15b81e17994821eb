package org.tuanjie.units.unit;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a unit is. Regions form the administrative spine and carry a {@link DivisionCode};
 * organizations hang under a region and carry a {@link CreditCode}.
 */
public enum UnitKind {
    PROVINCE(DivisionLevel.PROVINCE),
    PREFECTURE(DivisionLevel.PREFECTURE),
    COUNTY(DivisionLevel.COUNTY),
    TOWNSHIP(DivisionLevel.TOWNSHIP),
    VILLAGE(DivisionLevel.VILLAGE),
    /** 党政机关 */
    ORGAN(null),
    /** 事业单位 */
    INSTITUTION(null),
    /** 企业 */
    ENTERPRISE(null),
    /** 学校 */
    SCHOOL(null),
    /** 宗教活动场所 */
    RELIGIOUS_VENUE(null),
    /** 医院 */
    HOSPITAL(null),
    /** 景区 */
    SCENIC_AREA(null),
    /** 连队 (military/police companies) */
    CORPS_COMPANY(null);

    /** How many kinds there are: a filter naming more names one twice. */
    public static final int NUMBER_OF_KINDS = 13;
    private static final Map<String, UnitKind> NAMES = names();

    private final DivisionLevel level;

    UnitKind(DivisionLevel level) {
        this.level = level;
    }

    public boolean isRegion() {
        return level != null;
    }

    public DivisionLevel level() {
        return level;
    }

    /** The category used in filters: {@code REGION} or {@code ORGANIZATION}. */
    public String category() {
        return isRegion() ? "REGION" : "ORGANIZATION";
    }

    /** Kinds of a category ({@code REGION} or {@code ORGANIZATION}, any case); empty for an unknown one. */
    public static Set<UnitKind> ofCategory(String category) {
        Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
        for (UnitKind kind : values()) {
            if (kind.category().equalsIgnoreCase(category)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** Kinds that may start a hierarchy (a deployment's jurisdiction root). */
    public boolean mayBeRoot() {
        return this == PROVINCE || this == PREFECTURE || this == COUNTY;
    }

    /** Kinds this kind may be placed under. */
    public Set<UnitKind> allowedParents() {
        return switch (this) {
            case PROVINCE -> EnumSet.noneOf(UnitKind.class);
            case PREFECTURE -> EnumSet.of(PROVINCE);
            // 省直辖县级行政区划 sit directly under the province
            case COUNTY -> EnumSet.of(PREFECTURE, PROVINCE);
            case TOWNSHIP -> EnumSet.of(COUNTY);
            case VILLAGE -> EnumSet.of(TOWNSHIP);
            default -> EnumSet.of(PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, VILLAGE);
        };
    }

    public boolean mayBePlacedUnder(UnitKind parent) {
        return allowedParents().contains(parent);
    }

    /** The kind a clerk's sheet names: its code ({@code SCHOOL}, any case) or what Chinese offices call it (学校, 乡镇, 社区, …). */
    public static Optional<UnitKind> named(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(NAMES.get(text.trim().toUpperCase(Locale.ROOT)));
    }

    private static Map<String, UnitKind> names() {
        Map<String, UnitKind> names = new HashMap<>();
        for (UnitKind kind : values()) {
            names.put(kind.name(), kind);
        }
        names.putAll(Map.ofEntries(
                Map.entry("省", PROVINCE), Map.entry("自治区", PROVINCE),
                Map.entry("州", PREFECTURE), Map.entry("地级市", PREFECTURE), Map.entry("市州", PREFECTURE),
                Map.entry("县", COUNTY), Map.entry("县级市", COUNTY), Map.entry("区", COUNTY),
                Map.entry("乡镇", TOWNSHIP), Map.entry("乡", TOWNSHIP), Map.entry("镇", TOWNSHIP),
                Map.entry("街道", TOWNSHIP), Map.entry("村", VILLAGE), Map.entry("社区", VILLAGE),
                Map.entry("村/社区", VILLAGE), Map.entry("机关", ORGAN), Map.entry("党政机关", ORGAN),
                Map.entry("事业单位", INSTITUTION), Map.entry("企业", ENTERPRISE),
                Map.entry("学校", SCHOOL), Map.entry("宗教活动场所", RELIGIOUS_VENUE),
                Map.entry("寺院", RELIGIOUS_VENUE), Map.entry("医院", HOSPITAL),
                Map.entry("景区", SCENIC_AREA), Map.entry("连队", CORPS_COMPANY)));
        return Map.copyOf(names);
    }
}
