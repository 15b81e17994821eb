package org.tuanjie.tasks.task;

/**
 * Where a rectification task stands, with the word county ledgers and bulletins write for it. Overdue is not a state:
 * it is any task past its deadline and not verified, whatever its state.
 */
public enum TaskState {
    ASSIGNED("已交办"),
    IN_PROGRESS("整改中"),
    SUBMITTED("待验收"),
    VERIFIED("已销号"),
    REJECTED("验收未通过"),
    /** returned to the office as wrongly assigned */
    HANDED_BACK("已退办");

    /** How many there are: the most a filter can name (a unit test keeps it true). */
    public static final int COUNT = 6;

    private final String ledgerWord;

    TaskState(String ledgerWord) {
        this.ledgerWord = ledgerWord;
    }

    /** As the ledger (整改台账) and bulletins write it. */
    public String ledgerWord() {
        return ledgerWord;
    }
}
