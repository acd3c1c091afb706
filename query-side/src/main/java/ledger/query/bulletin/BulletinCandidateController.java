package ledger.query.bulletin;

import java.time.YearMonth;
import java.util.List;
import java.util.OptionalLong;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.infrastructure.ViewPositions;
import ledger.query.ledger.LedgerHistory;
import ledger.security.CurrentActor;
import ledger.web.RequestFields;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the supervision group may cite as problems when drafting a month's bulletin. */
@RestController
@Tag(name = "Monthly bulletins 督查通报")
class BulletinCandidateController {

    /** A candidate with the task's title, for the person drafting. */
    record Candidate(String taskTitle, BulletinCandidate candidate) {
    }

    record Candidates(String month, List<Candidate> candidates) {
    }

    private final BulletinCandidateProjection projection;
    private final ViewPositions positions;
    private final LedgerHistory ledger;

    BulletinCandidateController(BulletinCandidateProjection projection, ViewPositions positions, LedgerHistory ledger) {
        this.projection = projection;
        this.positions = positions;
        this.ledger = ledger;
    }

    @GetMapping("/api/bulletins/{month}/candidates")
    @Operation(summary = "The month's unanswered or late-answered urging notices and late receipts, as candidate "
            + "problems (存在问题) with their evidence events (supervision group)")
    Candidates candidates(@PathVariable String month,
                          @RequestParam(required = false) @PositiveOrZero Long minPosition) {
        if (!Role.SUPERVISION_GROUP.contains(CurrentActor.get().role())) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "Bulletins are drafted by the supervision group");
        }
        YearMonth of = RequestFields.month(month);
        positions.awaitPosition(BulletinReader.PROCESSOR, minPosition);
        return new Candidates(of.toString(), projection.of(of).stream()
                .map(c -> new Candidate(ledger.taskAsOf(c.taskId(), OptionalLong.empty())
                        .map(t -> t.title()).orElse(null), c))
                .toList());
    }
}
