package org.tuanjie.units.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitNames;

class CampaignDomainTest {

    private final Unit county = Unit.root("513221000000", UnitKind.COUNTY, UnitNames.of("汶川县"));
    private final Unit townshipA = Unit.under(county, "513221100000", UnitKind.TOWNSHIP, UnitNames.of("威州镇"));
    private final Unit townshipB = Unit.under(county, "513221101000", UnitKind.TOWNSHIP, UnitNames.of("绵虒镇"));
    private final Unit school = Unit.under(townshipA, "12513221MB0000002N", UnitKind.SCHOOL, UnitNames.of("威州中学"));
    private final Unit villageB = Unit.under(townshipB, "513221101001", UnitKind.VILLAGE, UnitNames.of("羌锋村"));
    private final Unit otherCounty = Unit.root("513222000000", UnitKind.COUNTY, UnitNames.of("理县"));
    private final CampaignDomain schools = CampaignDomain.standard(county, StandardDomain.SCHOOLS);

    @Test
    void theLeadReadsAMemberOutsideItsSubtree() {
        schools.appointLead(school, county);
        assertTrue(schools.letsLeadRead(school, villageB, county));
    }

    @Test
    void shouldNotLetAUnitAboveTheLeadReadAcross() {
        schools.appointLead(school, county);
        assertFalse(schools.letsLeadRead(townshipA, villageB, county));
    }

    @Test
    void shouldNotLetAnotherUnitReadAcross() {
        schools.appointLead(school, county);
        assertFalse(schools.letsLeadRead(townshipB, school, county));
    }

    @Test
    void aDomainWithoutALeadGrantsNoRead() {
        assertFalse(schools.letsLeadRead(school, villageB, county));
    }

    @Test
    void shouldNotLetTheLeadReadAMemberThatLeftTheDomainsJurisdiction() {
        schools.appointLead(school, county);
        Unit movedAway = Unit.under(otherCounty, "513222100000", UnitKind.TOWNSHIP, UnitNames.of("杂谷脑镇"));
        assertFalse(schools.letsLeadRead(school, movedAway, county));
    }
}
