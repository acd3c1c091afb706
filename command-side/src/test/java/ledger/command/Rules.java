package ledger.command;

import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the refusal of a rule by its error code, for aggregate fixture tests. */
public final class Rules {

    private Rules() {
    }

    public static Matcher<Throwable> refusedWith(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable error) {
                return error instanceof LedgerException ledger && ledger.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code " + code);
            }
        };
    }
}
