package ledger.kernel.shared;

/** A message was built with a malformed field. Callers answer it as bad input naming the field. */
public class InvalidMessageException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    public InvalidMessageException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** What is wrong with the field, without its name. */
    public String problem() {
        return problem;
    }

    /** The same problem reported under the name the caller knows the field by. */
    public InvalidMessageException as(String callerField) {
        return new InvalidMessageException(callerField, problem);
    }
}
