package ledger.command.infrastructure;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AggregateConfiguration {

    /** Long-lived aggregates (a task collects a report a week for a year) load from a snapshot. */
    @Bean
    SnapshotTriggerDefinition everyFiftyEvents(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 50);
    }
}
