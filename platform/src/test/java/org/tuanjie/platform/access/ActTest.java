package org.tuanjie.platform.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActTest {

    private static final UnitPath COUNTY = UnitPath.of("/510000000000/513300000000/513330000000/");
    private static final UnitPath TOWNSHIP = UnitPath.of("/510000000000/513300000000/513330000000/513330100000/");

    private static final Act<UnitPath> IN_REACH = Act.of(UnitPath.class, "in reach", "access.in-reach", Reach::covers);
    private static final Act<UnitPath> NOT_OWN = Act.of(UnitPath.class, "not the caller's own unit", "access.own",
            (r, p) -> !r.liesWithin(p));

    private static Reach at(UnitPath root) {
        return new Reach(root, Optional.of(root.code()), "someone", Set.of("admin"), Set.of());
    }

    @Test
    void aRefusalIsNotPermittedUnlessTheActNamesItsOwnType() {
        Act.Refusal refusal = IN_REACH.refusalOf(at(TOWNSHIP), COUNTY).orElseThrow();
        assertEquals("not-permitted", refusal.problemType());
        assertEquals("access.in-reach", refusal.messageKey());
        assertEquals(0, refusal.args().length);
    }

    @Test
    void anActMayNameItsProblemTypeAndMessageArguments() {
        Act<UnitPath> named = NOT_OWN.refusedAs("own-root-unit", p -> new Object[] {p.code()});
        Act.Refusal refusal = named.refusalOf(at(TOWNSHIP), TOWNSHIP).orElseThrow();
        assertEquals("own-root-unit", refusal.problemType());
        assertEquals("access.own", refusal.messageKey());
        assertArrayEquals(new Object[] {"513330100000"}, refusal.args());
        assertEquals("not the caller's own unit", named.says());
    }

    @Test
    void theFirstFailingConditionOfSeveralIsReported() {
        Act<UnitPath> both = IN_REACH.and(NOT_OWN.refusedAs("own-root-unit", p -> new Object[] {p.code()}));
        assertEquals("not-permitted", both.refusalOf(at(TOWNSHIP), COUNTY).orElseThrow().problemType());
        assertEquals("own-root-unit", both.refusalOf(at(COUNTY), COUNTY).orElseThrow().problemType());
        assertTrue(both.holds(at(COUNTY), TOWNSHIP));
        assertFalse(both.holds(at(TOWNSHIP), TOWNSHIP));
    }

    @Test
    void aRuleDescribesItsActsInTheOrderThePolicyStatesThem() {
        Act<String> first = Act.of(String.class, "first", "k1", (r, t) -> true);
        Act<Integer> second = Act.of(Integer.class, "second", "k2", (r, t) -> true);
        Act<Long> third = Act.of(Long.class, "third", "k3", (r, t) -> true);
        Act<Double> fourth = Act.of(Double.class, "fourth", "k4", (r, t) -> true);
        assertTrue(Rule.of("POST", "/x", Set.of("admin")).acting(first).acting(second).acting(third).acting(fourth)
                .describe().endsWith("subtree; first; second; third; fourth."));
        assertTrue(Rule.of("POST", "/x", Set.of("admin")).acting(fourth).acting(third).acting(second).acting(first)
                .describe().endsWith("subtree; fourth; third; second; first."));
    }
}
