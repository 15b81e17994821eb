package org.tuanjie.tasks.inspection;

/**
 * The nine kinds of problem the county reports found (DOMAIN.md).
 */
public enum Category {
    /** 领导重视/思想认识 */
    LEADERSHIP,
    /** 宣传 */
    PUBLICITY,
    /** 创建进度 */
    PROGRESS,
    /** 基本保障 */
    GUARANTEES,
    /** 创建水平 */
    CAPACITY,
    /** 亮点特色 */
    HIGHLIGHTS,
    /** 部门联动 */
    COORDINATION,
    /** 氛围营造 */
    ATMOSPHERE,
    /** 推进均衡 */
    BALANCE;

    /** How many there are: the most a filter can name (a unit test keeps it true). */
    public static final int COUNT = 9;
}
