package ledger.command.organisation;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ledger.kernel.organisation.UnitKind;

/** Request bodies of the organisation resources. */
final class OrganisationRequests {

    private OrganisationRequests() {
    }

    record RegisterUnit(@Schema(description = "the id the new unit is known by from then on, e.g. construction-market")
                        @NotBlank String unitId,
                        @Schema(description = "the unit's name as the pages show it, e.g. 建筑市场监管处")
                        @NotBlank @Size(max = 60) String name,
                        @Schema(description = "what the unit is: a division (机关处室), an affiliated unit (局属单位), the "
                                + "bureau office (局办公室), the organ party committee (机关党委) or the stationed "
                                + "discipline inspection group (驻局纪检监察组)")
                        @NotNull UnitKind kind,
                        @Schema(description = "true if the unit is the personnel office (人事处); one unit at most is")
                        Boolean personnelOffice) {
    }

    /** No {@code unitId} for a bureau leader: they belong to the bureau's leadership (局领导班子), not a division. */
    record RegisterCadre(@Schema(description = "the id the new cadre is known by from then on, e.g. cadre-deputy-zhang")
                         @NotBlank String cadreId,
                         @Schema(description = "the cadre's name, e.g. 张伟") @NotBlank @Size(max = 40) String name,
                         @Schema(description = "the recorded unit the cadre is posted in; left out for a bureau leader, "
                                 + "who belongs to the bureau's leadership (局领导班子)")
                         String unitId,
                         @Schema(description = "the cadre's post, e.g. 副处长 or 科员") @NotBlank @Size(max = 60) String position,
                         @Schema(description = "whether the cadre is a member of the Communist Party (党员)")
                         @NotNull Boolean partyMember,
                         @Schema(description = "the day the cadre took up this posting; a transfer cannot take effect "
                                 + "earlier")
                         @NotNull LocalDate since) {
    }

    record TransferCadre(@Schema(description = "the recorded unit the cadre moves to (the same one for a new post in it)")
                         @NotBlank String toUnitId,
                         @Schema(description = "the post there") @NotBlank @Size(max = 60) String position,
                         @Schema(description = "the first day in the new posting; not before the current one began")
                         @NotNull LocalDate effectiveOn,
                         @Schema(description = "why the cadre moves (调动理由)") @NotBlank @Size(max = 1000) String reason) {
    }

    record AppointBureauLeader(@Schema(description = "the leader's title, e.g. 局长 or 副局长")
                               @NotBlank @Size(max = 40) String title,
                               @Schema(description = "the areas of work the leader is in charge of (分管), e.g. 建筑市场; "
                                       + "a business task force's area is one of its lead's areas")
                               @NotNull @Size(min = 1, max = 20) List<@NotBlank String> areasInCharge,
                               @Schema(description = "whether the leader is in charge of personnel (分管人事); one leader "
                                       + "at a time is")
                               @NotNull Boolean inChargeOfPersonnel,
                               @Schema(description = "the first day of the appointment") @NotNull LocalDate effectiveOn) {
    }

    /** The cadre heads the unit of the path from {@code effectiveOn} on. */
    record AppointUnitHead(@Schema(description = "the recorded cadre who heads the unit of the path")
                           @NotBlank String cadreId,
                           @Schema(description = "the first day they head it; a head in office hands over that day")
                           @NotNull LocalDate effectiveOn) {
    }

    /** The unit's head no longer heads it from {@code effectiveOn} on (the first day without them). */
    record EndUnitHeadship(@Schema(description = "the first day the unit is without its head")
                           @NotNull LocalDate effectiveOn,
                           @Schema(description = "why the headship ends, e.g. 调任 or 免职")
                           @NotBlank @Size(max = 1000) String reason) {
    }

    /** The address at which the cadre is told of reminders by e-mail. */
    record RecordCadreEmail(@Schema(description = "the address reminders go to by e-mail, like name@example.gov.cn; it "
                                    + "replaces an earlier one")
                            @NotBlank @Size(max = 254) String email) {
    }
}
