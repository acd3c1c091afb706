package ledger.query.web;

import java.util.Set;

import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.web.signin.SignedInPerson;

/** Pages only some roles may open; anyone else gets the Chinese refusal page (403), never a stack trace. */
public final class Access {

    private Access() {
    }

    public static void require(SignedInPerson me, Set<Role> allowed, String what) {
        if (me == null || !allowed.contains(me.role())) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, what + " is for " + allowed);
        }
    }

    /** Whether the person may open pages kept for {@code allowed} (for the navigation's links). */
    public static boolean allows(SignedInPerson me, Set<Role> allowed) {
        return me != null && allowed.contains(me.role());
    }
}
