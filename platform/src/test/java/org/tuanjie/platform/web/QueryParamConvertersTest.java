package org.tuanjie.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.problem.Problems;

class QueryParamConvertersTest {

    @SuppressWarnings("unused")
    void list(@QueryParam("limit") int limit, @QueryParam("year") Integer year, @QueryParam("after") long after,
            @QueryParam("from") LocalDate from) {
    }

    @Test
    void readsAnIsoDayAndRefusesAnyOtherNamingTheParameter() {
        assertEquals(LocalDate.of(2026, 2, 28), converter(3).fromString(" 2026-02-28 "));
        for (String value : List.of("2026-02-30", "2026-2-28", "28.02.2026", "+10000-01-01", "0000-01-01", "")) {
            Problems.InvalidInput refused = assertThrows(Problems.InvalidInput.class, () -> converter(3).fromString(value),
                    "from=" + value);
            assertEquals("from", refused.violations().get(0).field());
        }
    }

    @Test
    void readsNumbersThatFitTheirType() {
        assertEquals(500, converter(0).fromString("500"));
        assertEquals(-2026, converter(1).fromString(" -2026 "));
        assertEquals(9_223_372_036_854_775_807L, converter(2).fromString("9223372036854775807"));
    }

    @Test
    void refusesANumberThatDoesNotFitItsTypeNamingTheParameter() {
        for (int i = 0; i < 3; i++) {
            ParamConverter<?> converter = converter(i);
            String name = parameter(i).getAnnotation(QueryParam.class).value();
            for (String value : List.of("99999999999999999999", "-99999999999999999999", "1e30", "12.5", "abc", "")) {
                Problems.InvalidInput refused = assertThrows(Problems.InvalidInput.class, () -> converter.fromString(value),
                        name + "=" + value);
                assertEquals(name, refused.violations().get(0).field());
            }
        }
        assertThrows(Problems.InvalidInput.class, () -> converter(0).fromString("2147483648"));
    }

    private static ParamConverter<?> converter(int index) {
        Parameter parameter = parameter(index);
        return new QueryParamConverters().getConverter(parameter.getType(), parameter.getParameterizedType(),
                parameter.getAnnotations());
    }

    private static Parameter parameter(int index) {
        try {
            return QueryParamConvertersTest.class.getDeclaredMethod("list", int.class, Integer.class, long.class, LocalDate.class)
                    .getParameters()[index];
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
