package org.tuanjie.platform.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Conditions on whose behalf the caller acts, on a target of one type: which party the caller's
 * reach must include, or must not lie within. Each condition says in words what the contract shows,
 * and names the message a refused caller reads (403) in the service's bundle.
 */
public final class Act<T> {

    private record Condition<T>(String says, String messageKey, BiPredicate<Reach, T> test) {
    }

    private final Class<T> type;
    private final List<Condition<T>> conditions;

    private Act(Class<T> type, List<Condition<T>> conditions) {
        this.type = type;
        this.conditions = List.copyOf(conditions);
    }

    public static <T> Act<T> of(Class<T> type, String says, String messageKey, BiPredicate<Reach, T> test) {
        return new Act<>(type, List.of(new Condition<>(says, messageKey, test)));
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

    /** The message key of the first condition the caller fails on this target, if any. */
    Optional<String> refusal(Reach reach, Object target) {
        T typed = type.cast(target);
        return conditions.stream().filter(c -> !c.test().test(reach, typed)).map(Condition::messageKey).findFirst();
    }
}
