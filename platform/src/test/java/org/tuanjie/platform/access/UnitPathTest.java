package org.tuanjie.platform.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitPathTest {

    private static final UnitPath COUNTY = UnitPath.of("/510000000000/513300000000/513330000000/");
    private static final UnitPath TOWNSHIP = UnitPath.of("/510000000000/513300000000/513330000000/513330100000/");
    private static final UnitPath VILLAGE = UnitPath.of("/510000000000/513300000000/513330000000/513330100000/513330100001/");
    private static final UnitPath SCHOOL = UnitPath.of("/510000000000/513300000000/513330000000/513330100000/12513330MB0000100X/");

    @Test
    void aUnitCoversItselfAndWhatLiesBelowIt() {
        assertTrue(COUNTY.covers(VILLAGE));
        assertTrue(TOWNSHIP.covers(TOWNSHIP));
        assertFalse(VILLAGE.covers(TOWNSHIP));
        assertTrue(VILLAGE.within(COUNTY));
        assertFalse(UnitPath.of("/510000000000/513300000000/5133300/").covers(COUNTY), "a prefix of a code is no ancestor");
    }

    @Test
    void nowhereAndDepartedCopiesAreCoveredByNobodyAndCoverNothing() {
        assertFalse(UnitPath.NOWHERE.covers(VILLAGE));
        assertFalse(COUNTY.covers(VILLAGE.departed()));
        assertTrue(VILLAGE.departed().isDeparted());
        assertEquals(VILLAGE.departed(), VILLAGE.departed().departed());
        assertFalse(VILLAGE.departed().covers(VILLAGE.departed()));
    }

    @Test
    void findsTheTownshipAUnitLiesIn() {
        assertEquals(Optional.of(TOWNSHIP), SCHOOL.township());
        assertEquals(Optional.of(TOWNSHIP), VILLAGE.township());
        assertEquals(Optional.of(TOWNSHIP), TOWNSHIP.township());
        assertEquals(Optional.empty(), COUNTY.township());
        assertTrue(UnitPath.isCountyOrAboveCode("513330000000"));
        assertFalse(UnitPath.isTownshipCode("513330100001"));
    }

    @Test
    void likePatternEscapesWildcards() {
        assertEquals("/a\\_b/\\%/%", UnitPath.of("/a_b/%/").likePattern());
        assertEquals(List.of("513330000000"), UnitPath.of("/513330000000/").codes());
        assertEquals("513330100001", VILLAGE.code());
    }

    @Test
    void rejectsWhatIsNoPath() {
        assertThrows(IllegalArgumentException.class, () -> UnitPath.of("513330000000"));
        assertThrows(IllegalArgumentException.class, () -> UnitPath.of("/513330000000"));
        assertThrows(IllegalArgumentException.class, () -> UnitPath.of((String) null));
    }

    @Test
    void anActNamesTheFirstConditionTheCallerFails() {
        Reach township = new Reach(TOWNSHIP, Optional.of("513330100000"), "u1", Set.of("admin"), Set.of());
        Act<UnitPath> act = Act.of(UnitPath.class, "reach includes it", "first", (r, p) -> r.covers(p))
                .and(Act.of(UnitPath.class, "not inside it", "second", (r, p) -> !r.liesWithin(p)));
        assertEquals(Optional.of("first"), act.refusal(township, COUNTY));
        assertEquals(Optional.of("second"), act.refusal(township, TOWNSHIP));
        assertEquals(Optional.empty(), act.refusal(township, VILLAGE));
        assertEquals("reach includes it; not inside it", act.says());
    }

    @Test
    void aRuleAdmitsItsRolesAndIntegrationOnlyWithItsScope() {
        Rule rule = Rule.of("POST", "/tasks", Set.of("admin", "inspector")).integrationWith("tasks:write");
        assertTrue(rule.admits(new Reach(COUNTY, Optional.empty(), "s", Set.of("inspector"), Set.of())));
        assertFalse(rule.admits(new Reach(COUNTY, Optional.empty(), "s", Set.of("auditor"), Set.of())));
        assertFalse(rule.admits(new Reach(COUNTY, Optional.empty(), "s", Set.of("integration"), Set.of("tasks:read"))));
        assertTrue(rule.admits(new Reach(COUNTY, Optional.empty(), "s", Set.of("integration"), Set.of("tasks:write"))));
        assertEquals(List.of("admin", "inspector", "integration"), rule.contractRoles());
    }
}
