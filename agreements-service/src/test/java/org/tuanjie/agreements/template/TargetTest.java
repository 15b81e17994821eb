package org.tuanjie.agreements.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TargetTest {

    private static Target publicity(int required) {
        return new Target("A1", "宣传活动", 40, Target.Measure.ACTIVITIES_ON_FILE, null, Target.ActivityKind.PUBLICITY,
                required);
    }

    @Test
    void activitiesEarnTheirShareOfTheNumberRequired() {
        assertEquals(0.0, publicity(4).activitiesShare(0));
        assertEquals(0.25, publicity(4).activitiesShare(1));
        assertEquals(0.75, publicity(4).activitiesShare(3));
    }

    @Test
    void moreActivitiesThanRequiredEarnNoMoreThanTheWholeWeight() {
        assertEquals(1.0, publicity(4).activitiesShare(4));
        assertEquals(1.0, publicity(4).activitiesShare(9));
    }

    @Test
    void onlyATargetThatCountsActivitiesHasAShareOfThem() {
        Target manual = new Target("T3", "宣传活动", 30, Target.Measure.MANUAL, null, null, null);
        assertThrows(IllegalStateException.class, () -> manual.activitiesShare(3));
    }
}
