package org.tuanjie.units.people.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.units.people.AccountRole;
import org.tuanjie.units.people.AccountState;
import org.tuanjie.units.people.Person;
import org.tuanjie.units.people.PersonDetails;
import org.tuanjie.units.people.PersonRole;
import org.tuanjie.units.people.service.PeopleService.AccountRequest;
import org.tuanjie.units.unit.mapping.UnitView;

/**
 * Bodies of the people endpoints.
 */
public final class PeopleViews {

    /** A person's name, Chinese or Tibetan, and their position. */
    public static final int NAME_MAX = 100;
    /** A phone number: digits, {@code +}, {@code -} and spaces. */
    public static final int PHONE_MAX = 20;
    /** An account's username: {@code [a-z0-9][a-z0-9._-]{2,63}}. */
    public static final int USERNAME_MAX = 64;

    private PeopleViews() {
    }

    public static PersonView toView(Person person) {
        AccountView account = person.accountId().isEmpty() ? null
                : new AccountView(person.accountUsername(), person.accountRoles().stream().sorted().toList(),
                        person.accountState());
        return new PersonView(person.id(), person.unitId(), person.role(), person.nameZh(), person.nameBo(),
                person.phone(), person.position(), person.from(), person.to(), account, person.createdAt(),
                person.createdBy(), person.updatedAt(), person.updatedBy(), person.version());
    }

    @Schema(name = "UnitPerson", description = "A person of a unit in one role, for one period (both days included)")
    public record PersonView(
            UUID id,
            UUID unitId,
            @Schema(description = "LIAISON 联络员, LEADER 一把手, STAFF 工作人员", example = "LEADER") PersonRole role,
            @Schema(example = "扎西", maxLength = NAME_MAX) String nameZh,
            @Schema(description = "Tibetan name", example = "བཀྲ་ཤིས།", maxLength = NAME_MAX) String nameBo,
            @Schema(example = "13800001111", maxLength = PHONE_MAX) String phone,
            @Schema(example = "党委书记", maxLength = NAME_MAX) String position,
            @Schema(example = "2026-01-01") LocalDate from,
            @Schema(description = "Last day of the period; absent while it runs", example = "2026-12-31") LocalDate to,
            @Schema(description = "The person's account at the identity server, when the suite made one") AccountView account,
            OffsetDateTime createdAt,
            @Schema(maxLength = UnitView.SUBJECT_MAX) String createdBy,
            OffsetDateTime updatedAt,
            @Schema(maxLength = UnitView.SUBJECT_MAX) String updatedBy,
            @Schema(description = "Row version, also the ETag", example = "0") long version) {
    }

    @Schema(name = "NewPerson")
    public record NewPerson(
            @NotNull @Schema(example = "LEADER") PersonRole role,
            @NotBlank @Size(max = NAME_MAX) @Schema(example = "扎西") String nameZh,
            @Size(max = NAME_MAX) @Schema(example = "བཀྲ་ཤིས།") String nameBo,
            @Size(max = PHONE_MAX) @Pattern(regexp = "[0-9+\\- ]{1,20}") @Schema(example = "13800001111") String phone,
            @Size(max = NAME_MAX) @Schema(example = "党委书记") String position,
            @NotNull @Schema(example = "2026-01-01") LocalDate from,
            @Valid @Schema(description = "An account to make for the person at the identity server, in the same write: "
                    + "both or neither") NewAccount account) {

        public PersonDetails details() {
            return new PersonDetails(nameZh, nameBo, phone, position);
        }

        public AccountRequest accountRequest() {
            return account == null ? null : account.request();
        }
    }

    @Schema(name = "PersonAccount", description = "A person's account: sign-in name, the realm roles the suite granted, "
            + "and whether it is ACTIVE or was DISABLED when the person left")
    public record AccountView(@Schema(example = "gengqing-liaison", maxLength = USERNAME_MAX) String username,
            @Schema(example = "[\"unit-liaison\"]", maxItems = AccountRole.NUMBER_OF_ROLES) List<AccountRole> roles,
            @Schema(example = "ACTIVE") AccountState state) {
    }

    @Schema(name = "NewPersonAccount", description = "The account starts enabled and must set a new password at first "
            + "login (and set up OTP where the deployment asks for it). The temporary password is handed on to the "
            + "identity server, never stored or shown again; the realm's password policy applies (422 `password-policy`).")
    public record NewAccount(
            @NotBlank @Size(max = USERNAME_MAX) @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}")
            @Schema(example = "gengqing-liaison") String username,
            @NotEmpty @Size(max = AccountRole.NUMBER_OF_ROLES) @Schema(description = "Realm roles; `unit-leader` only for a LEADER; `admin`, "
                    + "`inspector` and `auditor` only granted by an admin of a county office or above",
                    example = "[\"unit-liaison\"]") Set<@NotNull AccountRole> roles,
            @NotBlank @Size(min = 8, max = 128) @Schema(writeOnly = true, example = "Tj-2026-first!") String temporaryPassword) {

        public AccountRequest request() {
            return new AccountRequest(username, roles, temporaryPassword);
        }

        @Override
        public String toString() { // keeps the password out of logs
            return "NewAccount[" + username + ", " + roles + "]";
        }
    }

    @Schema(name = "PersonAccountRoles", description = "Every realm role the account is to hold")
    public record AccountRoles(@NotEmpty @Size(max = AccountRole.NUMBER_OF_ROLES) @Schema(example = "[\"unit-liaison\"]") Set<@NotNull AccountRole> roles) {
    }

    @Schema(name = "PersonLeaving")
    public record PersonLeaving(@NotNull @Schema(description = "Last day of the period", example = "2026-06-30") LocalDate on) {
    }
}
