package ledger.query.deadletter;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events a view could not handle, parked per aggregate (the rest of the view goes on). For
 * administrators only: letters show the failure's own message, which is for diagnosis, not for users.
 */
@RestController
@Tag(name = "Dead letters 死信 (administration)")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/admin/dead-letters")
    @Operation(summary = "Every view's parked events, per processing group and sequence (aggregate), in the order they will be retried")
    List<DeadLetters.GroupView> all() {
        return deadLetters.all();
    }

    @GetMapping("/api/admin/dead-letters/{group}")
    @Operation(summary = "One view's parked events, per sequence (aggregate)")
    DeadLetters.GroupView group(@PathVariable String group) {
        return deadLetters.group(group);
    }

    @PostMapping("/api/admin/dead-letters/{group}/retries")
    @Operation(summary = "Hand parked events to the view again, in order: every sequence once, or only the one named. "
            + "A sequence stops at the first event that fails again, which keeps its new cause")
    DeadLetters.RetryReport retry(@PathVariable String group,
                                  @Parameter(description = "a sequence id (with the default policy: an aggregate id)")
                                  @RequestParam(required = false) String sequence) {
        return deadLetters.retry(group, sequence);
    }

    @DeleteMapping("/api/admin/dead-letters/{group}/{sequenceId}")
    @Operation(summary = "Give up a whole sequence: its parked events will not reach the view")
    ResponseEntity<Void> evictSequence(@PathVariable String group, @PathVariable String sequenceId) {
        deadLetters.evictSequence(group, sequenceId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/admin/dead-letters/{group}/{sequenceId}/{eventId}")
    @Operation(summary = "Give up one parked event, e.g. one that can never be handled, so the rest of its sequence can be retried")
    ResponseEntity<Void> evictLetter(@PathVariable String group, @PathVariable String sequenceId,
                                     @PathVariable String eventId) {
        deadLetters.evictLetter(group, sequenceId, eventId);
        return ResponseEntity.noContent().build();
    }
}
