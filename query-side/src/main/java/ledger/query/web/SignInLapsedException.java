package ledger.query.web;

/** The command side refused the signed-in person's token: they must sign in again. */
public class SignInLapsedException extends RuntimeException {

    public SignInLapsedException() {
        super("the command side no longer accepts this sign-in");
    }
}
