package org.tuanjie.unitsclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;

class DirectoryTest {

    private static UnitRef unit(String kind, String... path) {
        return new UnitRef(UUID.randomUUID(), path[path.length - 1], kind, List.of(path), Map.of("zh", kind), "OPEN", null);
    }

    @Test
    void aTownshipIsItsOwnTownshipWithoutAskingForAncestors() {
        UnitRef township = unit("TOWNSHIP", "513330000000", "513330100000");
        AtomicInteger asked = new AtomicInteger();
        assertEquals(Optional.of(township), Directory.townshipOf(township, () -> {
            asked.incrementAndGet();
            return List.of();
        }));
        assertEquals(0, asked.get());
    }

    @Test
    void aSchoolLiesInTheNearestTownshipAboveIt() {
        UnitRef county = unit("COUNTY", "513330000000");
        UnitRef township = unit("TOWNSHIP", "513330000000", "513330100000");
        UnitRef school = unit("SCHOOL", "513330000000", "513330100000", "12513330MB0000100X");
        assertEquals(Optional.of(township), Directory.townshipOf(school, () -> List.of(county, township)));
        assertFalse(Directory.townshipOf(county, List::of).isPresent());
    }

    @Test
    void aUnitsPathIsItsCodesFromTheTop() {
        UnitRef school = unit("SCHOOL", "513330000000", "513330100000", "12513330MB0000100X");
        assertEquals(UnitPath.of("/513330000000/513330100000/12513330MB0000100X/"), school.unitPath());
    }
}
