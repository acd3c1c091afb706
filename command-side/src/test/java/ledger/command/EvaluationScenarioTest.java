package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ledger.kernel.bulletin.BulletinPublishedEvent;
import ledger.kernel.bulletin.ErratumPublishedEvent;
import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.organisation.AssessmentRecordedEvent;
import ledger.kernel.organisation.CadreAwardGrantedEvent;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The supervision group's month and the personnel office's year, through the HTTP API: scores
 * and a four-eyes correction, a bulletin with a highlight and a problem signed by all three
 * members, published and then corrected by an erratum; an annual assessment and an award.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
class EvaluationScenarioTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MongoEventStorageEngine engine;

    @BeforeEach
    void setUp() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
    }

    @Test
    void scores_a_bulletin_with_its_erratum_an_assessment_and_an_award() {
        String cadre = TestOrganisation.LEADER;
        String score = EvaluationSteps.run(http);

        assertThat(payloads(score)).anySatisfy(p -> assertThat(p).isInstanceOfSatisfying(ScoreCorrectedEvent.class,
                e -> assertThat(e.originalValue()).isEqualTo(78)));
        assertThat(payloads("bulletin-2026-10")).hasAtLeastOneElementOfType(BulletinPublishedEvent.class)
                .hasAtLeastOneElementOfType(ErratumPublishedEvent.class);
        assertThat(payloads(cadre)).hasAtLeastOneElementOfType(AssessmentRecordedEvent.class)
                .hasAtLeastOneElementOfType(CadreAwardGrantedEvent.class);
    }

    private List<Object> payloads(String aggregate) {
        return engine.readEvents(aggregate).asStream().map(DomainEventMessage::getPayload).map(p -> (Object) p).toList();
    }
}
