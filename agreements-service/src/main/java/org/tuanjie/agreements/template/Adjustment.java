package org.tuanjie.agreements.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A bonus (加分), a deduction (扣分) up to {@code maxPoints}, or a veto item (一票否决) that fails the
 * agreement whatever its score.
 */
public record Adjustment(String code, String title, Kind kind, int maxPoints) {

    /** The most points one bonus or deduction item can give. */
    public static final int MAX_POINTS = 100;

    @Schema(name = "AdjustmentKind")
    public enum Kind { BONUS, DEDUCTION, VETO }
}
