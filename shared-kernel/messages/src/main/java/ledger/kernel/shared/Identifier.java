package ledger.kernel.shared;

/**
 * A typed id. Stored and sent as its raw value; {@code toString()} returns that value.
 * Implementations are records with a single {@code String value} component.
 */
public interface Identifier {

    String value();
}
