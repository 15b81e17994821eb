package org.tuanjie.units.imports.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.tuanjie.platform.problem.ProblemException;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.sheets.SheetRow;
import org.tuanjie.units.people.AccountRole;
import org.tuanjie.units.people.PersonDetails;
import org.tuanjie.units.people.PersonRole;
import org.tuanjie.units.people.service.PeopleService.AccountRequest;

/**
 * The optional people columns of the unit sheet: each unit's principal leader and liaison (name, phone), with an
 * account when a username is given (role {@code unit-leader} or {@code unit-liaison}, the row's temporary
 * password to change at first login). Read and checked with the units, every error on its line.
 */
final class SheetPeople {

    /** Accounts one import may make: each is several calls to the identity server inside the import's transaction. */
    static final int MAX_ACCOUNTS = 300;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");

    /** A person to record at the unit of {@code unitCode}, and the account to make, if any. */
    record SheetPerson(int line, String unitCode, PersonRole role, PersonDetails details, LocalDate from,
            AccountRequest account) {

        String usernameColumn() {
            return role == PersonRole.LEADER ? "leader_username" : "liaison_username";
        }
    }

    private SheetPeople() {
    }

    /**
     * @param taken whether a username is already someone's here
     * @return the people of the rows; their errors are added to {@code errors}
     */
    static List<SheetPerson> read(List<SheetRow> rows, LocalDate today, Predicate<String> taken, List<Violation> errors) {
        List<SheetPerson> people = new ArrayList<>();
        Map<String, Integer> usernames = new HashMap<>();
        for (SheetRow row : rows) {
            String code = row.get("code") == null ? null : row.get("code").toUpperCase(Locale.ROOT);
            LocalDate from = from(row, today, errors);
            for (PersonRole role : List.of(PersonRole.LEADER, PersonRole.LIAISON)) {
                String prefix = role == PersonRole.LEADER ? "leader_" : "liaison_";
                String name = row.get(prefix + "name");
                String phone = row.get(prefix + "phone");
                String username = row.get(prefix + "username");
                if (name == null) {
                    if (phone != null || username != null) {
                        errors.add(new Violation(prefix + "name", "field.required").atLine(row.line()));
                    }
                    continue;
                }
                boolean valid = true;
                if (name.length() > 100) {
                    errors.add(new Violation(prefix + "name", "import.too-long", 100).atLine(row.line()));
                    valid = false;
                }
                if (phone != null && !PHONE.matcher(phone).matches()) {
                    errors.add(new Violation(prefix + "phone", "import.phone").atLine(row.line()));
                    valid = false;
                }
                AccountRequest account = null;
                if (username != null) {
                    account = account(row, prefix, username, role, usernames, taken, errors);
                    valid &= account != null;
                }
                if (valid && code != null && from != null) {
                    try {
                        people.add(new SheetPerson(row.line(), code, role, new PersonDetails(name, null, phone, null), from,
                                account));
                    } catch (ProblemException e) {
                        errors.add(new Violation(prefix + "name", "field.required").atLine(row.line()));
                    }
                }
            }
        }
        long accounts = people.stream().filter(p -> p.account() != null).count();
        if (accounts > MAX_ACCOUNTS) {
            errors.add(new Violation("file", "import.accounts", MAX_ACCOUNTS, accounts));
        }
        return people;
    }

    private static AccountRequest account(SheetRow row, String prefix, String username, PersonRole role,
            Map<String, Integer> usernames, Predicate<String> taken, List<Violation> errors) {
        String column = prefix + "username";
        String normalized = username.toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(normalized).matches()) {
            errors.add(new Violation(column, "import.username", username).atLine(row.line()));
            return null;
        }
        Integer first = usernames.putIfAbsent(normalized, row.line());
        if (first != null) {
            errors.add(new Violation(column, "import.username-duplicate", username, first).atLine(row.line()));
            return null;
        }
        if (taken.test(normalized)) {
            errors.add(new Violation(column, "people.username-taken", username).atLine(row.line()));
            return null;
        }
        String password = row.get("temporary_password");
        if (password == null || password.length() < 8 || password.length() > 128) {
            errors.add(new Violation("temporary_password", "import.temporary-password").atLine(row.line()));
            return null;
        }
        return new AccountRequest(normalized,
                Set.of(role == PersonRole.LEADER ? AccountRole.UNIT_LEADER : AccountRole.UNIT_LIAISON), password);
    }

    private static LocalDate from(SheetRow row, LocalDate today, List<Violation> errors) {
        String text = row.get("people_from");
        if (text == null) {
            return today;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new Violation("people_from", "import.date", text).atLine(row.line()));
            return null;
        }
    }
}
