package org.tuanjie.units.readiness;

/**
 * The items of a unit's readiness profile (创建工作基础). The report's "三无" units lack the first
 * three: dedicated staff, an office, and a leading group set up by a document.
 */
public enum ReadinessItem {
    /** 专职工作人员 */
    DEDICATED_STAFF("r.staffCount = 0"),
    /** 办公室 */
    OFFICE("r.office = false"),
    /** 领导小组（文号） */
    LEADING_GROUP("r.leadingGroupDocNo is null and r.leadingGroupDocumentId is null"),
    /** 工作方案 */
    WORK_PLAN("r.workPlan = false"),
    /** 牌子/标识 */
    SIGNAGE("r.signage = false"),
    /** 设备 */
    EQUIPMENT("r.equipment = false"),
    /** 一把手 */
    PRINCIPAL_LEADER("r.principalLeaderName is null"),
    /** 联络员 */
    LIAISON("r.liaisonName is null");

    /** How many items there are: a set of them holds no more. */
    public static final int NUMBER_OF_ITEMS = 8;

    private final String missingCondition;

    ReadinessItem(String missingCondition) {
        this.missingCondition = missingCondition;
    }

    /** HQL predicate over alias {@code r} that holds when the item is missing. */
    public String missingCondition() {
        return missingCondition;
    }
}
