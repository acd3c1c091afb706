package ledger.kernel.organisation;

import java.time.Instant;
import java.util.regex.Pattern;

import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The personnel office records the e-mail address at which a cadre is told of reminders. */
public record RecordCadreEmailCommand(@TargetAggregateIdentifier CadreId cadreId, String email, Instant recordedAt) {

    /** One @, a dotted domain, no spaces: the shape a mail server accepts, not a proof the mailbox exists. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public RecordCadreEmailCommand {
        Require.present(cadreId, "cadreId");
        email = Require.text(email, "email", 254);
        if (!ADDRESS.matcher(email).matches()) {
            throw new InvalidMessageException("email", "must be an e-mail address like name@example.gov.cn");
        }
        Require.present(recordedAt, "recordedAt");
    }
}
