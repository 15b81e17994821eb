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

    public boolean isActivity() {
        return this != DOCUMENT;
    }
}
