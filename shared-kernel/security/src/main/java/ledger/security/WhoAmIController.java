package ledger.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ledger.kernel.security.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Session")
public class WhoAmIController {

    public record Me(String personId, String role, String roleLabel, String unitId) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "Who the service takes you for: person, role and unit")
    public Me me() {
        Actor actor = CurrentActor.get();
        return new Me(actor.personId(), actor.role().name(), actor.role().label(), actor.unitId());
    }
}
