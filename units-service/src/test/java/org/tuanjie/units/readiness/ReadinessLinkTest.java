package org.tuanjie.units.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.units.dossier.DocumentDetails;
import org.tuanjie.units.dossier.DossierDocument;
import org.tuanjie.units.dossier.EntryFacts;
import org.tuanjie.units.indicators.IndicatorCode;
import org.tuanjie.units.readiness.ReadinessExceptions.DocumentOfAnotherUnit;
import org.tuanjie.units.readiness.ReadinessExceptions.DocumentWithdrawn;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitNames;

/** The leading-group item of a readiness profile, set up by a document of the unit's own dossier or typed in. */
class ReadinessLinkTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private final Unit county = Unit.root("513221000000", UnitKind.COUNTY, UnitNames.of("汶川县"));
    private final Unit township = Unit.under(county, "513221100000", UnitKind.TOWNSHIP, UnitNames.of("威州镇"));
    private final Unit other = Unit.under(county, "513221101000", UnitKind.TOWNSHIP, UnitNames.of("绵虒镇"));

    private static ReadinessFacts facts(String docNo, LocalDate date) {
        return new ReadinessFacts(0, List.of(), false, null, docNo, date, false, false, false, null, null, null, null);
    }

    private static DossierDocument documentOf(Unit unit) {
        return DossierDocument.file(unit, new DocumentDetails("威委发〔2026〕3号", "中共威州镇委员会",
                new EntryFacts("关于成立领导小组的通知", DAY, List.of(new IndicatorCode("1.1")), null)), DAY);
    }

    @Test
    void aLinkedDocumentOfTheUnitSetsUpItsLeadingGroup() {
        ReadinessProfile profile = ReadinessProfile.emptyFor(township.id());
        assertTrue(profile.missing().contains(ReadinessItem.LEADING_GROUP));
        DossierDocument document = documentOf(township);
        profile.update(facts(null, null), document);
        assertFalse(profile.missing().contains(ReadinessItem.LEADING_GROUP));
        assertEquals(document.id(), profile.leadingGroupDocumentId());
        assertTrue(profile.links(document));
        // the document says the number and date: no stale copy is kept beside it
        assertNull(profile.facts().leadingGroupDocNo());
    }

    @Test
    void aNumberTypedInStillSetsItUp() {
        ReadinessProfile profile = ReadinessProfile.emptyFor(township.id());
        profile.update(facts("威委发〔2025〕9号", DAY), null);
        assertFalse(profile.missing().contains(ReadinessItem.LEADING_GROUP));
        assertNull(profile.leadingGroupDocumentId());
        assertEquals("威委发〔2025〕9号", profile.facts().leadingGroupDocNo());
    }

    @Test
    void shouldNotLinkAnotherUnitsDocument() {
        ReadinessProfile profile = ReadinessProfile.emptyFor(township.id());
        assertThrows(DocumentOfAnotherUnit.class, () -> profile.update(facts(null, null), documentOf(other)));
        assertTrue(profile.missing().contains(ReadinessItem.LEADING_GROUP));
    }

    @Test
    void shouldNotLinkAWithdrawnDocument() {
        ReadinessProfile profile = ReadinessProfile.emptyFor(township.id());
        DossierDocument document = documentOf(township);
        document.withdraw("文号有误", "liaison", OffsetDateTime.now());
        assertThrows(DocumentWithdrawn.class, () -> profile.update(facts(null, null), document));
    }

    @Test
    void withALinkedDocumentTypedValuesMayOnlyRepeatIt() {
        ReadinessProfile profile = ReadinessProfile.emptyFor(township.id());
        DossierDocument document = documentOf(township);
        profile.update(facts("威委发〔2026〕3号", DAY), document);
        assertEquals(document.id(), profile.leadingGroupDocumentId());
        Problems.InvalidInput number = assertThrows(Problems.InvalidInput.class,
                () -> profile.update(facts("威委发〔2026〕4号", DAY), document));
        assertEquals("leadingGroupDocNo", number.violations().get(0).field());
        Problems.InvalidInput date = assertThrows(Problems.InvalidInput.class,
                () -> profile.update(facts("威委发〔2026〕3号", DAY.plusDays(1)), document));
        assertEquals("leadingGroupDate", date.violations().get(0).field());
    }
}
