package org.tuanjie.units.people.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.units.people.Person;
import org.tuanjie.units.people.PersonDetails;
import org.tuanjie.units.people.PersonRole;

/**
 * Bodies of the people endpoints.
 */
public final class PeopleViews {

    private PeopleViews() {
    }

    public static PersonView toView(Person person) {
        return new PersonView(person.id(), person.unitId(), person.role(), person.nameZh(), person.nameBo(),
                person.phone(), person.position(), person.from(), person.to(), person.createdAt(), person.createdBy(),
                person.updatedAt(), person.updatedBy(), person.version());
    }

    @Schema(name = "UnitPerson", description = "A person of a unit in one role, for one period (both days included)")
    public record PersonView(
            UUID id,
            UUID unitId,
            @Schema(description = "LIAISON 联络员, LEADER 一把手, STAFF 工作人员", example = "LEADER") PersonRole role,
            @Schema(example = "扎西") String nameZh,
            @Schema(description = "Tibetan name", example = "བཀྲ་ཤིས།") String nameBo,
            @Schema(example = "13800001111") String phone,
            @Schema(example = "党委书记") String position,
            @Schema(example = "2026-01-01") LocalDate from,
            @Schema(description = "Last day of the period; absent while it runs", example = "2026-12-31") LocalDate to,
            OffsetDateTime createdAt,
            String createdBy,
            OffsetDateTime updatedAt,
            String updatedBy,
            @Schema(description = "Row version, also the ETag", example = "0") long version) {
    }

    @Schema(name = "NewPerson")
    public record NewPerson(
            @NotNull @Schema(example = "LEADER") PersonRole role,
            @NotBlank @Size(max = 100) @Schema(example = "扎西") String nameZh,
            @Size(max = 100) @Schema(example = "བཀྲ་ཤིས།") String nameBo,
            @Size(max = 20) @Pattern(regexp = "[0-9+\\- ]{1,20}") @Schema(example = "13800001111") String phone,
            @Size(max = 100) @Schema(example = "党委书记") String position,
            @NotNull @Schema(example = "2026-01-01") LocalDate from) {

        public PersonDetails details() {
            return new PersonDetails(nameZh, nameBo, phone, position);
        }
    }

    @Schema(name = "PersonLeaving")
    public record PersonLeaving(@NotNull @Schema(description = "Last day of the period", example = "2026-06-30") LocalDate on) {
    }
}
