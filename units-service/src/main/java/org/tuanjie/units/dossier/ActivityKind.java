package org.tuanjie.units.dossier;

/** The kinds of creation activity a unit files (the report's recommendations: publicity, training, meetings). */
public enum ActivityKind {
    /** 宣传: boards, slogans, banners, relayed policy speeches */
    PUBLICITY(DossierKind.PUBLICITY),
    /** 培训 */
    TRAINING(DossierKind.TRAINING),
    /** 推进会 */
    PROMOTION_MEETING(DossierKind.PROMOTION_MEETING),
    /** 政策学习 */
    POLICY_STUDY(DossierKind.POLICY_STUDY),
    /** 示范/观摩 */
    SHOWCASE(DossierKind.SHOWCASE);

    private final DossierKind dossierKind;

    ActivityKind(DossierKind dossierKind) {
        this.dossierKind = dossierKind;
    }

    public DossierKind dossierKind() {
        return dossierKind;
    }

    public static ActivityKind of(DossierKind kind) {
        for (ActivityKind k : values()) {
            if (k.dossierKind == kind) {
                return k;
            }
        }
        throw new IllegalArgumentException("not an activity kind: " + kind);
    }
}
