package org.tuanjie.units.dossier;

/**
 * What a dossier entry is: an activity of one of the five kinds, or a document (文件). Lists, counts and the
 * phones' sync filter and group by it.
 */
public enum DossierKind {
    /** 宣传 */
    PUBLICITY,
    /** 培训 */
    TRAINING,
    /** 推进会 */
    PROMOTION_MEETING,
    /** 政策学习 */
    POLICY_STUDY,
    /** 示范/观摩 */
    SHOWCASE,
    /** 文件 */
    DOCUMENT;

    /** How many kinds there are: a filter naming more names one twice. */
    public static final int NUMBER_OF_KINDS = 6;

    public boolean isActivity() {
        return this != DOCUMENT;
    }
}
