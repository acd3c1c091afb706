package ledger.command.infrastructure;

/**
 * The answer to an accepted command: the aggregate it changed, the aggregate's new version (send
 * it back in If-Match), and the global position of the last stored event (pass it as
 * {@code minPosition} to a query to read your own write).
 */
public record CommandAccepted(String id, long version, long position) {
}
