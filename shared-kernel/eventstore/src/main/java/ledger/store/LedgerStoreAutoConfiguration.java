package ledger.store;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import ledger.store.audit.AuditStore;
import ledger.store.audit.HeadFile;
import ledger.store.audit.Notary;
import ledger.store.audit.EvidenceAssembler;
import ledger.store.audit.GenuineCommits;
import ledger.store.audit.LogVerifier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import ledger.store.upcasting.TaskAssignedAtMeetingEventUpcaster;
import ledger.store.upcasting.TaskAssignedEventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Primary;

/**
 * Store wiring shared by both services: the MongoDB client (or the embedded server), our storage
 * engine, Jackson serializers (readable JSON, typed ids as strings), the MongoDB token store and
 * health indicators. Placed before Boot's and Axon's own auto-configuration so theirs back off.
 */
@AutoConfiguration(before = {MongoAutoConfiguration.class, MongoDataAutoConfiguration.class, AxonAutoConfiguration.class})
@EnableConfigurationProperties(LedgerStoreProperties.class)
public class LedgerStoreAutoConfiguration {

    /**
     * How this process names itself when it claims a processor's segments in the token store,
     * unless {@code ledger.store.node-id} names the instance ({@link LedgerStoreProperties#node()}).
     */
    public static final String NODE_ID = ManagementFactory.getRuntimeMXBean().getName();

    /** The mapper for stored messages; tolerant of unknown fields so old readers survive new events. */
    public static ObjectMapper messageObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new TypedIdModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Snapshots hold aggregate state, which lives in private fields rather than record components. */
    public static ObjectMapper snapshotObjectMapper() {
        ObjectMapper mapper = messageObjectMapper();
        mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        mapper.setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        return mapper;
    }

    @Bean(destroyMethod = "close")
    StoreConnection storeConnection(LedgerStoreProperties properties) {
        return StoreConnection.open(properties);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreConnection connection) {
        return MongoClients.create(connection.connectionString());
    }

    /** Older revisions of events read in today's shape; stored history is never rewritten. */
    @Bean
    @Order(0)
    EventUpcaster taskAssignedEventUpcaster() {
        return new TaskAssignedEventUpcaster();
    }

    @Bean
    @Order(1)
    EventUpcaster taskAssignedAtMeetingEventUpcaster() {
        return new TaskAssignedAtMeetingEventUpcaster();
    }

    @Bean
    TypedIdModule typedIdModule() {
        return new TypedIdModule();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(messageObjectMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(messageObjectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(messageObjectMapper()).build();
    }

    @Bean
    MongoEventStorageEngine eventStorageEngine(MongoClient client, StoreConnection connection,
                                               LedgerStoreProperties properties,
                                               @Qualifier("eventSerializer") Serializer eventSerializer,
                                               ObjectProvider<EventUpcaster> upcasters,
                                               ObjectProvider<CommitSealer> sealer,
                                               ObjectProvider<CommitGuard> guard) {
        List<EventUpcaster> chain = upcasters.orderedStream().toList();
        return MongoEventStorageEngine.builder()
                .database(client.getDatabase(connection.database()))
                .sealer(sealer.getIfAvailable())
                .guard(guard.getIfAvailable())
                .gapTimeout(properties.gapTimeout())
                .batchSize(properties.batchSize())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(JacksonSerializer.builder().objectMapper(snapshotObjectMapper()).build())
                .upcasterChain(new EventUpcasterChain(chain))
                .build();
    }

    @Bean(destroyMethod = "shutDown")
    EmbeddedEventStore eventStore(MongoEventStorageEngine engine, LedgerStoreProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(engine)
                .fetchDelay(properties.fetchDelay().toMillis())
                .build();
    }

    @Bean
    TokenStore tokenStore(MongoClient client, StoreConnection connection, Serializer serializer,
                          LedgerStoreProperties properties) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, connection.database()).build())
                .serializer(serializer)
                .claimTimeout(properties.tokenClaimTimeout())
                .nodeId(properties.node())
                .build();
    }

    @Bean
    ProcessorProgress processorProgress(MongoClient client, StoreConnection connection, Serializer serializer,
                                        MongoEventStorageEngine engine, EventProcessingConfiguration processing) {
        return new ProcessorProgress(client.getDatabase(connection.database()), serializer, engine, processing);
    }

    @Bean
    AuditStore auditStore(MongoClient client, StoreConnection connection) {
        return new AuditStore(client.getDatabase(connection.database()));
    }

    @Bean
    LogVerifier logVerifier(MongoEventStorageEngine engine, AuditStore auditStore,
                            @Value("${ledger.audit.trusted-keys:}") Set<String> trustedKeys,
                            @Value("${ledger.audit.checkpoint-grace:5m}") Duration grace,
                            @Value("${ledger.audit.notary-head-file:}") String notaryHeadFile,
                            ObjectProvider<Clock> clock) {
        return new LogVerifier(engine, auditStore, pinned(trustedKeys), clock.getIfAvailable(Clock::systemUTC), grace,
                readOnlyHead(notaryHeadFile));
    }

    /** A reader's engine hands views only what the writer sealed (the query side sets this). */
    @Bean
    @ConditionalOnProperty(name = "ledger.audit.readers-check-seals", havingValue = "true")
    GenuineCommits genuineCommits(AuditStore auditStore,
                                  @Value("${ledger.audit.trusted-keys:}") Set<String> trustedKeys,
                                  @Value("${ledger.audit.notary-head-file:}") String notaryHeadFile,
                                  @Value("${ledger.audit.seal-key-wait:10m}") Duration keyWait,
                                  ObjectProvider<Clock> clock) {
        return new GenuineCommits(auditStore, pinned(trustedKeys), readOnlyHead(notaryHeadFile),
                clock.getIfAvailable(Clock::systemUTC), keyWait);
    }

    private static Set<String> pinned(Set<String> trustedKeys) {
        return trustedKeys.stream().map(String::strip).filter(id -> !id.isEmpty())
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The notary's head beside its key, where this service can read it (same machine or a shared volume). */
    private static Notary.HeadKeeper readOnlyHead(String notaryHeadFile) {
        return notaryHeadFile.isBlank() ? Notary.HeadKeeper.NONE
                : new ReadOnlyHead(HeadFile.at(Path.of(notaryHeadFile.strip())));
    }

    /** A reader of the notary's head never writes it. */
    private record ReadOnlyHead(HeadFile file) implements Notary.HeadKeeper {
        @Override
        public java.util.Optional<Notary.Head> read() {
            return file.read();
        }

        @Override
        public void write(Notary.Head head) {
            throw new UnsupportedOperationException("only the notary writes its head");
        }
    }

    @Bean
    EvidenceAssembler evidenceAssembler(MongoEventStorageEngine engine, AuditStore auditStore,
                                        ObjectProvider<Clock> clock) {
        return new EvidenceAssembler(engine, auditStore, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    CorrelationDataProvider ledgerCorrelationDataProvider() {
        return new LedgerCorrelationDataProvider();
    }

    @Bean
    CommitReceipts commitReceipts(MongoEventStorageEngine engine) {
        return new CommitReceipts(engine);
    }

    @Bean
    EventStoreHealthIndicator eventStoreHealthIndicator(MongoClient client, StoreConnection connection,
                                                        MongoEventStorageEngine engine) {
        return new EventStoreHealthIndicator(client, connection, engine);
    }

    @Bean
    EventProcessorsHealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing,
                                                                  MongoEventStorageEngine engine,
                                                                  ProcessorProgress progress) {
        return new EventProcessorsHealthIndicator(processing, engine, progress);
    }
}
