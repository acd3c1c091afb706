package ledger.query.deadletter;

import java.util.Arrays;
import java.util.List;

import com.mongodb.client.MongoClient;
import ledger.store.LedgerStoreProperties;
import ledger.store.StoreConnection;
import ledger.store.deadletter.PermanentFailurePolicy;
import ledger.store.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every view's processing group gets a dead-letter queue in MongoDB, so one failing event parks
 * only its own aggregate's events while the view goes on for all others. With a queue, Axon
 * builds a dead-lettering invoker whose handler errors propagate into the queue (rather than
 * the default logging error handler, which would skip the event). Only failures that do not pass
 * by themselves are parked ({@link PermanentFailurePolicy}): a store outage or timeout is retried
 * by the processor, with back-off, and parks nothing.
 */
@Configuration
class DeadLetterConfiguration {

    /** The view groups, read from the projections' annotations without creating the projections. */
    @Bean
    ViewGroups viewGroups(ListableBeanFactory beans) {
        List<String> names = Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                .map(bean -> beans.findAnnotationOnBean(bean, ProcessingGroup.class).value())
                .distinct().sorted().toList();
        return new ViewGroups(names);
    }

    @Bean
    ConfigurerModule deadLetterQueues(MongoClient client, StoreConnection connection, LedgerStoreProperties store,
                                      @Qualifier("eventSerializer") Serializer serializer, ViewGroups groups) {
        return configurer -> {
            configurer.eventProcessing()
                      .registerDefaultSequencingPolicy(c -> SequentialPerAggregatePolicy.instance())
                      .registerDefaultDeadLetterPolicy(c -> new PermanentFailurePolicy())
                      .registerDeadLetterQueueProvider(group -> c -> MongoSequencedDeadLetterQueue.builder()
                              .processingGroup(group)
                              .database(client.getDatabase(connection.database()))
                              .serializer(serializer)
                              .nodeId(store.node())
                              .build());
            // The cache spares a store round trip per event: only a segment's owner enqueues for
            // its sequences, so it knows which of them are held. A rebuild replays every event, so
            // it empties the group's queue first: the parked events are handled (or parked) afresh.
            groups.names().forEach(group -> configurer.eventProcessing()
                    .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                            (c, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true)));
        };
    }

    record ViewGroups(List<String> names) {
    }
}
