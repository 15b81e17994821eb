package org.tuanjie.platform.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Conditions on whose behalf the caller acts, on a target of one type: which party the caller's
 * reach must include, or must not lie within. Each condition says in words what the contract shows,
 * and names the message a refused caller reads (403) in the service's bundle; the problem's type is
 * {@code not-permitted} unless the act names one of its own ({@link #refusedAs}).
 */
public final class Act<T> {

    static final String NOT_PERMITTED = "not-permitted";

    private record Condition<T>(String says, String problemType, String messageKey, Function<? super T, Object[]> args,
            BiPredicate<Reach, T> test) {
    }

    /** Why a caller was refused: the problem's type, and the message with its arguments. */
    record Refusal(String problemType, String messageKey, Object[] args) {
    }

    private static final Object[] NO_ARGS = {};

    private final Class<T> type;
    private final List<Condition<T>> conditions;

    private Act(Class<T> type, List<Condition<T>> conditions) {
        this.type = type;
        this.conditions = List.copyOf(conditions);
    }

    public static <T> Act<T> of(Class<T> type, String says, String messageKey, BiPredicate<Reach, T> test) {
        return new Act<>(type, List.of(new Condition<>(says, NOT_PERMITTED, messageKey, t -> NO_ARGS, test)));
    }

    /**
     * This act's conditions refused with a problem type of their own (a refusal clients already know by
     * name, such as {@code own-root-unit}), the message formatted with arguments taken from the target.
     */
    public Act<T> refusedAs(String problemType, Function<? super T, Object[]> messageArgs) {
        return new Act<>(type, conditions.stream()
                .map(c -> new Condition<>(c.says(), problemType, c.messageKey(), messageArgs, c.test())).toList());
    }

    /** This and the other's conditions, all of which must hold. */
    public Act<T> and(Act<T> other) {
        List<Condition<T>> all = new ArrayList<>(conditions);
        all.addAll(other.conditions);
        return new Act<>(type, all);
    }

    public Class<T> type() {
        return type;
    }

    public String says() {
        return conditions.stream().map(Condition::says).collect(Collectors.joining("; "));
    }

    /** Whether the caller meets every condition on the target: a policy's rule, testable without a request. */
    public boolean holds(Reach reach, T target) {
        return refusalOf(reach, target).isEmpty();
    }

    /** The message key of the first condition the caller fails on this target, if any. */
    Optional<String> refusal(Reach reach, Object target) {
        return refusalOf(reach, target).map(Refusal::messageKey);
    }

    /** The first condition the caller fails on this target, if any, as the caller is told. */
    Optional<Refusal> refusalOf(Reach reach, Object target) {
        T typed = type.cast(target);
        return conditions.stream().filter(c -> !c.test().test(reach, typed)).findFirst()
                .map(c -> new Refusal(c.problemType(), c.messageKey(), c.args().apply(typed)));
    }
}
