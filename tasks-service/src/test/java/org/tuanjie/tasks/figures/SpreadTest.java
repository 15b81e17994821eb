package org.tuanjie.tasks.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tuanjie.tasks.figures.service.FiguresService.Spread;

class SpreadTest {

    @Test
    void evenTownshipsHaveNoSpread() {
        assertEquals(0.0, Spread.of(List.of(0.5, 0.5, 0.5)).coefficientOfVariation());
    }

    @Test
    void measuresUnevenProgressAsTheCoefficientOfVariation() {
        // rates 1, 0.5, 0: mean 0.5, population sd sqrt(1/6) = 0.4082, cv 0.8165
        Spread spread = Spread.of(List.of(1.0, 0.5, 0.0));
        assertEquals(0.5, spread.meanClosureRate());
        assertEquals(0.4082, spread.standardDeviation());
        assertEquals(0.8165, spread.coefficientOfVariation());
    }

    @Test
    void nothingClosedAnywhereHasNoDefinedSpread() {
        assertNull(Spread.of(List.of(0.0, 0.0)).coefficientOfVariation());
        assertEquals(0, Spread.of(List.of()).townships());
    }
}
