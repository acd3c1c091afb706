package ledger.query.bulletin;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import ledger.security.CurrentActor;
import ledger.web.RequestFields;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Published bulletins are read by the bureau's staff; drafts only by the supervision group. */
@RestController
@Tag(name = "Monthly bulletins 督查通报")
class BulletinController {

    record BulletinSummary(String month, String status, int entries, Instant publishedAt) {
    }

    private final BulletinReader bulletins;

    BulletinController(BulletinReader bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping("/api/bulletins")
    @Operation(summary = "The bulletins, newest first (drafts only for the supervision group)")
    List<BulletinSummary> list() {
        return bulletins.list(CurrentActor.get().role(), null).stream()
                .map(view -> new BulletinSummary(view.month(), view.status(), view.entries().size(), view.publishedAt()))
                .toList();
    }

    @GetMapping("/api/bulletins/{month}")
    @Operation(summary = "A month's bulletin with its entries, the errata beside them, and the sign-offs")
    BulletinView bulletin(@PathVariable String month,
                          @RequestParam(required = false) @PositiveOrZero Long minPosition) {
        return bulletins.month(RequestFields.month(month), CurrentActor.get().role(), minPosition);
    }
}
