package ledger.store;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the events live. With no {@code uri}, an embedded server is started in this process
 * (persisting under {@code dataDir} unless {@code embeddedPersistent} is false). {@code nodeId}
 * is how this instance names itself when it claims processor segments and dead-letter sequences
 * (blank: the process, {@link LedgerStoreAutoConfiguration#NODE_ID}); two instances in one JVM
 * (tests) need distinct ones.
 */
@ConfigurationProperties("ledger.store")
public record LedgerStoreProperties(
        @DefaultValue("") String uri,
        @DefaultValue("ledger") String database,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("true") boolean embeddedPersistent,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("10s") Duration gapTimeout,
        @DefaultValue("500") int batchSize,
        @DefaultValue("100ms") Duration fetchDelay,
        @DefaultValue("10s") Duration tokenClaimTimeout,
        @DefaultValue("") String nodeId) {

    /** The configured node id, or the process's name. */
    public String node() {
        return nodeId == null || nodeId.isBlank() ? LedgerStoreAutoConfiguration.NODE_ID : nodeId;
    }
}
