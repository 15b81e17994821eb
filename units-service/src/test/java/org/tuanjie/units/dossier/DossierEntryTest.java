package org.tuanjie.units.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.units.dossier.DossierExceptions.EntryAlreadyWithdrawn;
import org.tuanjie.units.indicators.IndicatorCode;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitExceptions.UnitAlreadyClosed;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitNames;

class DossierEntryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 8, 0, 0, 0, ZoneOffset.UTC);

    private final Unit county = Unit.root("513221000000", UnitKind.COUNTY, UnitNames.of("汶川县"));
    private final Unit township = Unit.under(county, "513221100000", UnitKind.TOWNSHIP, UnitNames.of("威州镇"));

    private static ActivityDetails training(LocalDate date) {
        return new ActivityDetails(ActivityKind.TRAINING, new EntryFacts("联络员培训", date,
                List.of(new IndicatorCode("4.2")), null), "镇政府", 30, null);
    }

    @Test
    void filesAnActivityHeldUpToToday() {
        Activity activity = Activity.file(township, training(TODAY), TODAY);
        assertEquals(township.id(), activity.unitId());
        assertEquals(DossierKind.TRAINING, activity.kind());
        assertEquals(List.of("4.2"), activity.indicatorCodes());
        assertEquals(EntryStatus.ACTIVE, activity.status());
    }

    @Test
    void shouldNotFileAnActivityNotYetHeld() {
        Problems.InvalidInput refused = assertThrows(Problems.InvalidInput.class,
                () -> Activity.file(township, training(TODAY.plusDays(1)), TODAY));
        assertEquals("date", refused.violations().get(0).field());
        Activity activity = Activity.file(township, training(TODAY), TODAY);
        assertThrows(Problems.InvalidInput.class, () -> activity.revise(training(TODAY.plusDays(1)), TODAY));
        assertEquals(TODAY, activity.date());
    }

    @Test
    void shouldNotFileInTheDossierOfAClosedUnit() {
        Unit village = Unit.under(township, "513221100001", UnitKind.VILLAGE, UnitNames.of("阿尔村"));
        village.close(TODAY, "撤村并居", "admin");
        assertThrows(UnitAlreadyClosed.class, () -> Activity.file(village, training(TODAY), TODAY));
    }

    @Test
    void aWithdrawnEntryKeepsWhyAndByWhomAndChangesNoMore() {
        DossierDocument document = DossierDocument.file(township, new DocumentDetails("威委发〔2026〕1号", "中共威州镇委员会",
                new EntryFacts("领导小组", TODAY, List.of(new IndicatorCode("1.1")), null)), TODAY);
        assertThrows(Problems.InvalidInput.class, () -> document.withdraw(" ", "liaison", NOW));
        document.withdraw(" 文号有误 ", "liaison", NOW);
        assertTrue(document.isWithdrawn());
        assertEquals("文号有误", document.withdrawReason());
        assertEquals("liaison", document.withdrawnBy());
        assertEquals(NOW, document.withdrawnAt());
        assertThrows(EntryAlreadyWithdrawn.class, () -> document.withdraw("再撤", "liaison", NOW));
        assertThrows(EntryAlreadyWithdrawn.class, () -> document.revise(new DocumentDetails("威委发〔2026〕2号", "镇委",
                new EntryFacts("改", TODAY, List.of(new IndicatorCode("1.1")), null)), TODAY));
        assertEquals("威委发〔2026〕1号", document.number());
    }

    @Test
    void aDocumentStatesItsNumberAndIssuer() {
        EntryFacts facts = new EntryFacts("领导小组", TODAY, List.of(new IndicatorCode("1.1")), null);
        assertEquals("number", field(() -> new DocumentDetails(" ", "镇委", facts)));
        assertEquals("issuer", field(() -> new DocumentDetails("威委发〔2026〕1号", null, facts)));
        assertEquals("title", field(() -> new EntryFacts(" ", TODAY, List.of(new IndicatorCode("1.1")), null)));
        assertEquals("indicatorCodes", field(() -> new EntryFacts("领导小组", TODAY, List.of(), null)));
    }

    private static String field(Runnable call) {
        return assertThrows(Problems.InvalidInput.class, call::run).violations().get(0).field();
    }
}
