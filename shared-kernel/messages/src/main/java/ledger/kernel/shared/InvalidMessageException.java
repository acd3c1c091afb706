package ledger.kernel.shared;

/** A message was built with a malformed field. Callers answer it as bad input naming the field. */
public class InvalidMessageException extends IllegalArgumentException {

    private final String field;

    public InvalidMessageException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
