package org.tuanjie.units.unit.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.units.unit.UnitKind;

/**
 * Request bodies of the unit endpoints.
 */
public final class UnitRequests {

    /** Why a unit is closed or reopened. */
    public static final int REASON_MAX = 500;

    private UnitRequests() {
    }

    @Schema(name = "NewUnit")
    public record NewUnit(
            @NotBlank @Size(max = UnitView.CODE_MAX) @Schema(example = "513221100000") String code,
            @NotNull @Schema(example = "TOWNSHIP") UnitKind kind,
            @Schema(description = "Omit only for the root of your own jurisdiction") UUID parentId,
            @NotEmpty @Schema(example = "{\"zh\": \"威州镇\", \"bo\": \"ཝེ་ཀྲོའུ་གྲོང་རྡལ།\", \"en\": \"Weizhou Town\"}",
                    additionalProperties = UnitName.class) Map<String, String> names) {
    }

    @Schema(name = "UnitUpdate")
    public record UnitUpdate(
            @NotEmpty @Schema(example = "{\"zh\": \"汶川县\", \"en\": \"Wenchuan County\"}", additionalProperties = UnitName.class)
            Map<String, String> names) {
    }

    @Schema(name = "UnitMove")
    public record UnitMove(@NotNull UUID parentId) {
    }

    @Schema(name = "UnitClosure")
    public record UnitClosure(
            @NotNull @Schema(example = "2026-12-31") LocalDate endDate,
            @Size(max = REASON_MAX) @Schema(example = "撤乡并镇") String reason) {
    }

    @Schema(name = "UnitReopening")
    public record UnitReopening(
            @NotBlank @Size(max = REASON_MAX) @Schema(example = "撤并方案经县政府复议撤回，恢复建制") String reason) {
    }
}
