package org.tuanjie.units.people;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** An account's roles in one column, as their token names separated by spaces (like an OAuth scope). */
@Converter
public class AccountRolesColumn implements AttributeConverter<Set<AccountRole>, String> {

    @Override
    public String convertToDatabaseColumn(Set<AccountRole> roles) {
        return roles == null || roles.isEmpty() ? null
                : roles.stream().sorted().map(AccountRole::tokenName).collect(Collectors.joining(" "));
    }

    @Override
    public Set<AccountRole> convertToEntityAttribute(String column) {
        Set<AccountRole> roles = EnumSet.noneOf(AccountRole.class);
        if (column != null) {
            Arrays.stream(column.split(" ")).map(AccountRole::ofTokenName)
                    .forEach(role -> roles.add(role.orElseThrow(() -> new IllegalStateException("unknown role in " + column))));
        }
        return roles;
    }
}
