package org.tuanjie.platform.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

/**
 * A query parameter that cannot be read (an unknown enum value, a malformed id, a number that is
 * not one or does not fit its type, like {@code limit=99999999999999}, a day that is not an ISO date of
 * the years 1 to 9999, which is what PostgreSQL stores) is a 400 naming the
 * parameter; JAX-RS would answer 404, as if the resource did not exist. Path parameters keep
 * the 404: {@code /units/not-a-uuid} really names nothing.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParamName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new Strict<>(name, value -> Enum.valueOf((Class) rawType, value.trim().toUpperCase(Locale.ROOT)));
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Strict<>(name, value -> UUID.fromString(value.trim()));
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Strict<>(name, value -> Integer.valueOf(value.trim()));
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Strict<>(name, value -> Long.valueOf(value.trim()));
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Strict<>(name, QueryParamConverters::day, "problem.query.date");
        }
        return null;
    }

    private static LocalDate day(String value) {
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw new IllegalArgumentException("outside the years 1 to 9999: " + value);
        }
        return day;
    }

    private static String queryParamName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }

    /** @param messageKey what the caller reads when the value cannot be read: that it is invalid, or the form expected */
    private record Strict<T>(String name, java.util.function.Function<String, T> parse, String messageKey)
            implements ParamConverter<T> {

        Strict(String name, java.util.function.Function<String, T> parse) {
            this(name, parse, "problem.query.invalid");
        }

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new Problems.InvalidInput(new Violation(name, messageKey, value));
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
