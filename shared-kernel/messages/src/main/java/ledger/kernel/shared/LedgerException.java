package ledger.kernel.shared;

/**
 * A refusal the business (or the system) wants a client to see: it carries a stable code and a
 * detail written for people. The web layers answer it as a problem document.
 */
public class LedgerException extends RuntimeException {

    private final ErrorCode code;

    public LedgerException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
