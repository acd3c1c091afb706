package ledger.command.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import ledger.command.organisation.OrganisationDirectory;
import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitHeadAppointedEvent;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.task.TaskEscalatedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.LeadershipDecisionAppliedEvent;
import ledger.store.MongoEventStorageEngine;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"ledger.store.embedded-persistent=false", "ledger.demo.data=true",
        "ledger.security.bcrypt-strength=4"})
class DemoDataTest {

    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    DemoData demo;
    @Autowired
    java.time.Clock clock;

    @Test
    void a_realistic_month_is_loaded_through_the_rules_once() throws Exception {
        String month = YearMonth.from(BureauTime.dayOf(clock.instant())).toString();

        assertThat(directory.personnelOffice()).contains(new UnitId("personnel-office"));
        assertThat(directory.leaderInChargeOfPersonnel()).contains(new CadreId("cadre-deputy-huang"));
        long tasks = 0;
        for (int i = 1; i <= 60; i++) {
            tasks += engine.readEvents("task-demo-" + month + "-" + i).asStream()
                    .filter(e -> e.getPayload() instanceof TaskAssignedEvent).count();
        }
        assertThat(tasks).isEqualTo(60);
        // the task force's Party Group decision reaches its tasks through the flows
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> engine.readEvents("task-demo-" + month + "-19")
                .asStream().anyMatch(e -> e.getPayload() instanceof LeadershipDecisionAppliedEvent));
        assertThat(engine.readEvents("task-demo-" + month + "-49").asStream()
                .anyMatch(e -> e.getPayload() instanceof TaskEscalatedEvent)).isTrue();

        // each unit has its head (处室负责人), and last month's score of a leader was corrected with four eyes
        for (String unit : List.of("bureau-office", "urban-renewal", "housing-service-center")) {
            assertThat(engine.readEvents(unit).asStream().filter(e -> e.getPayload() instanceof UnitHeadAppointedEvent)
                    .map(e -> ((UnitHeadAppointedEvent) e.getPayload()).cadreId().value()))
                    .singleElement().satisfies(head -> assertThat(head).startsWith("cadre-" + unit + "-"));
        }
        String lastMonth = YearMonth.parse(month).minusMonths(1).toString();
        assertThat(engine.readEvents("score-demo-" + lastMonth + "-deputy-zhang").asStream()
                .anyMatch(e -> e.getPayload() instanceof ScoreCorrectedEvent)).isTrue();

        assertThat(DemoDataResumeTest.loaded(engine)).isEqualTo(DemoDataResumeTest.UNINTERRUPTED);
        demo.run(null); // a second start finds every item stored and sends nothing
        assertThat(DemoDataResumeTest.loaded(engine)).isEqualTo(DemoDataResumeTest.UNINTERRUPTED);
        assertThat(engine.readEvents("bureau-office").asStream().count()).isEqualTo(2); // registered, head appointed
        assertThat(engine.readEvents("task-demo-" + month + "-1").asStream()
                .filter(e -> e.getPayload() instanceof TaskAssignedEvent).count()).isEqualTo(1);
    }
}
