package ledger.command.organisation;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ledger.kernel.organisation.UnitKind;

/** Request bodies of the organisation resources. */
final class OrganisationRequests {

    private OrganisationRequests() {
    }

    record RegisterUnit(@NotBlank String unitId, @NotBlank @Size(max = 60) String name, @NotNull UnitKind kind,
                        Boolean personnelOffice) {
    }

    /** No {@code unitId} for a bureau leader: they belong to the bureau's leadership (局领导班子), not a division. */
    record RegisterCadre(@NotBlank String cadreId, @NotBlank @Size(max = 40) String name, String unitId,
                         @NotBlank @Size(max = 60) String position, @NotNull Boolean partyMember,
                         @NotNull LocalDate since) {
    }

    record TransferCadre(@NotBlank String toUnitId, @NotBlank @Size(max = 60) String position,
                         @NotNull LocalDate effectiveOn, @NotBlank @Size(max = 1000) String reason) {
    }

    record AppointBureauLeader(@NotBlank @Size(max = 40) String title,
                               @NotNull @Size(max = 20) List<@NotBlank String> areasInCharge,
                               @NotNull Boolean inChargeOfPersonnel, @NotNull LocalDate effectiveOn) {
    }

    /** The cadre heads the unit of the path from {@code effectiveOn} on. */
    record AppointUnitHead(@NotBlank String cadreId, @NotNull LocalDate effectiveOn) {
    }

    /** The unit's head no longer heads it from {@code effectiveOn} on (the first day without them). */
    record EndUnitHeadship(@NotNull LocalDate effectiveOn, @NotBlank @Size(max = 1000) String reason) {
    }

    /** The address at which the cadre is told of reminders by e-mail. */
    record RecordCadreEmail(@NotBlank @Size(max = 254) String email) {
    }
}
