package org.tuanjie.units.people;

/**
 * Who a person is, as recorded: the Chinese name required, the Tibetan one, phone and position optional.
 */
public record PersonDetails(String nameZh, String nameBo, String phone, String position) {

    public PersonDetails {
        if (nameZh == null || nameZh.isBlank()) {
            throw PeopleExceptions.invalid("nameZh", "field.required");
        }
        nameZh = nameZh.strip();
        nameBo = blankToNull(nameBo);
        phone = blankToNull(phone);
        position = blankToNull(position);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
