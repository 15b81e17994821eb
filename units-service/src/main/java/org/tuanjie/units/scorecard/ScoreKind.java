package org.tuanjie.units.scorecard;

/** Who scored an indicator: the unit itself (自评), or a reviewer of an office above it (评审). */
public enum ScoreKind {
    SELF,
    REVIEW
}
