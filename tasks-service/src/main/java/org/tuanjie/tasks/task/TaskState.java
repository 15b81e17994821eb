package org.tuanjie.tasks.task;

/**
 * Where a rectification task stands. Overdue is not a state: it is any task past its deadline and
 * not verified, whatever its state.
 */
public enum TaskState {
    /** 已交办 */
    ASSIGNED,
    /** 整改中 */
    IN_PROGRESS,
    /** 已提交，待验收 */
    SUBMITTED,
    /** 已销号 */
    VERIFIED,
    /** 验收未通过 */
    REJECTED,
    /** 退办: returned to the office as wrongly assigned */
    HANDED_BACK;

    /** How many there are: the most a filter can name (a unit test keeps it true). */
    public static final int COUNT = 6;
}
