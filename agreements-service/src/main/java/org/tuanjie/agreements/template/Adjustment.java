package org.tuanjie.agreements.template;

/**
 * A bonus (加分), a deduction (扣分) up to {@code maxPoints}, or a veto item (一票否决) that fails the
 * agreement whatever its score.
 */
public record Adjustment(String code, String title, Kind kind, int maxPoints) {

    public enum Kind { BONUS, DEDUCTION, VETO }
}
