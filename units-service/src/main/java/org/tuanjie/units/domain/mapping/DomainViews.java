package org.tuanjie.units.domain.mapping;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.units.domain.CampaignDomain;
import org.tuanjie.units.domain.service.DomainService;
import org.tuanjie.units.readiness.ReadinessItem;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitNames;
import org.tuanjie.units.unit.mapping.UnitName;
import org.tuanjie.units.unit.mapping.UnitView;

/**
 * Wire forms of campaign domains.
 */
public final class DomainViews {

    /** A domain's code, as its column holds it: {@code [A-Z][A-Z0-9_]{1,39}}. */
    public static final int CODE_MAX = 40;

    private DomainViews() {
    }

    @Schema(name = "CampaignDomain", description = "A \"9+N进\" campaign domain of a jurisdiction")
    public record DomainView(UUID id, UUID ownerUnitId,
            @Schema(example = "SCHOOLS", maxLength = CODE_MAX) String code,
            @Schema(example = "{\"zh\": \"民族团结进步进学校\", \"en\": \"Ethnic unity entering schools\"}",
                    additionalProperties = UnitName.class) Map<String, String> names,
            @Schema(description = "One of the nine standard domains (else a local one, the N)") boolean standard,
            @Schema(description = "Lead unit (牵头单位)") UUID leadUnitId,
            OffsetDateTime updatedAt, @Schema(maxLength = UnitView.SUBJECT_MAX) String updatedBy, long version) {
    }

    @Schema(name = "NewCampaignDomain")
    public record NewDomain(@NotNull UUID ownerUnitId,
            @NotNull @Size(max = CODE_MAX) @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") @Schema(example = "HOSPITALS") String code,
            @NotEmpty @Schema(example = "{\"zh\": \"民族团结进步进医院\"}", additionalProperties = UnitName.class)
            Map<String, String> names) {
    }

    @Schema(name = "CampaignDomainUpdate")
    public record DomainUpdate(@NotEmpty @Schema(additionalProperties = UnitName.class) Map<String, String> names,
            @Schema(description = "Lead unit; omit to have none") UUID leadUnitId) {
    }

    @Schema(name = "NewDomainMember")
    public record NewMember(@NotNull UUID unitId) {
    }

    @Schema(name = "DomainMember")
    public record MemberView(UUID unitId, @Schema(example = "12513221MB0A12345X", maxLength = UnitView.CODE_MAX) String code,
            @Schema(example = "县第一中学", maxLength = UnitNames.MAX_LENGTH) String name, @Schema(example = "SCHOOL") UnitKind kind,
            @Schema(example = "75", minimum = "0", maximum = "100") int readinessScore, boolean readinessComplete,
            @Schema(maxItems = ReadinessItem.NUMBER_OF_ITEMS) Set<ReadinessItem> missing) {
    }

    @Schema(name = "DomainCoverage", description = "Members whose readiness is complete ÷ members, in your jurisdiction")
    public record CoverageView(UUID domainId, @Schema(example = "24") long members, @Schema(example = "18") long complete,
            @Schema(example = "0.75") double rate,
            @Schema(description = "The first " + DomainService.INCOMPLETE_LISTED + " in hierarchy order at most; GET "
                    + "/domains/{id}/members lists every member", maxItems = DomainService.INCOMPLETE_LISTED)
            List<MemberView> incomplete) {
    }

    public static DomainView toView(CampaignDomain d) {
        return new DomainView(d.id(), d.ownerUnitId(), d.code(), d.names(), d.isStandard(), d.leadUnitId(),
                d.updatedAt(), d.updatedBy(), d.version());
    }

    public static MemberView toView(DomainService.Member m) {
        return new MemberView(m.unit().id(), m.unit().code(), m.unit().nameZh(), m.unit().kind(),
                m.readiness().score(), m.readiness().isComplete(), m.readiness().missing());
    }

    public static CoverageView toView(DomainService.Coverage c) {
        return new CoverageView(c.domain().id(), c.members(), c.complete(), c.rate(),
                c.incomplete().stream().map(DomainViews::toView).toList());
    }
}
