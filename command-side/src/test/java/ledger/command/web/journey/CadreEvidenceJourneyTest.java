package ledger.command.web.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ledger.command.TestOrganisation;
import ledger.command.audit.AuditNotary;
import ledger.evidence.EvidencePackage;
import ledger.evidence.EvidenceVerifier;
import ledger.kernel.security.Role;
import ledger.query.QuerySideApplication;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.storeserver.EmbeddedStoreServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * (e) The personnel office finds a cadre by typing part of the name, opens the record, prints the promotion
 * evidence of the year and downloads its evidence package, which the offline verifier accepts with the digest
 * the page printed; a staff member opening that cadre's record is refused with a Chinese page. Its own store
 * and signing key (the evidence needs a checkpoint, signed here on demand), so not a {@link BrowserJourney}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.bcrypt-strength=4", "ledger.audit.checkpoint-entries=1", "ledger.audit.notary-interval=1h"})
class CadreEvidenceJourneyTest {

    static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    static final Path DATA = ledger.command.DataFolders.fresh("cadre-journey");
    static ConfigurableApplicationContext querySide;
    static final String CADRE = TestAccounts.personId(Role.UNIT_STAFF);

    @LocalServerPort
    int commandPort;
    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AuditNotary notary;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("ledger.store.uri", STORE::connectionString);
        registry.add("ledger.store.database", () -> "cadre-journey");
        registry.add("ledger.store.data-dir", DATA::toString);
    }


    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        STORE.close();
    }

    @Test
    void the_personnel_office_prints_a_cadres_promotion_evidence_and_its_package_verifies() throws Exception {
        assumeTrue(Files.isExecutable(BrowserJourney.CHROMIUM) && Files.isExecutable(BrowserJourney.CHROMEDRIVER),
                "Chromium or chromedriver is not installed; install them with: " + BrowserJourney.INSTALL);
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
        TestRestTemplate personnel = http.withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE), TestAccounts.PASSWORD);
        created(personnel.postForEntity("/api/cadres", Map.of("cadreId", CADRE, "name", "王芳", "unitId",
                TestAccounts.UNIT_A, "position", "科员", "partyMember", true, "since", "2025-03-01"), Map.class));
        created(personnel.postForEntity("/api/cadres/" + CADRE + "/awards", Map.of("award", "EXCELLENT_PARTY_MEMBER",
                "year", 2026, "citation", "防汛抢险中冲锋在前"), Map.class));
        querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .run("--ledger.store.uri=" + STORE.connectionString(), "--ledger.store.database=cadre-journey",
                        "--server.port=0", "--ledger.security.bcrypt-strength=4",
                        "--ledger.web.command-url=http://localhost:" + commandPort);
        String base = "http://localhost:" + querySide.getEnvironment().getProperty("local.server.port");
        notary.pass();

        try (Person office = Person.open(base, Role.PERSONNEL_OFFICE, "刘洋")) {
            office.signIn(TestAccounts.username(Role.PERSONNEL_OFFICE), TestAccounts.PASSWORD);
            office.click(By.linkText("干部实绩档案"));
            assertThat(office.text(By.id("found"))).contains("王芳", "张副局长");
            office.type(By.name("name"), "王");
            office.submit(By.cssSelector("#form-search button[type=submit]"));
            assertThat(office.text(By.id("found"))).contains("王芳").doesNotContain("张副局长");
            office.click(By.linkText("王芳"));
            office.untilPageShows("/records/cadres/" + CADRE, "优秀共产党员");
            assertThat(office.text(By.tagName("h1"))).isEqualTo("王芳 · 干部实绩档案");
            assertThat(office.pageText()).contains("测试处室 unit-a", "防汛抢险中冲锋在前", "授予干部表彰 #");

            office.pick(By.name("from"), "2026-01-01");
            office.submit(By.cssSelector("#form-evidence button[type=submit]"));
            office.untilPageShows(office.path(), "核验码");
            assertThat(office.pageText()).contains("干部实绩材料（选拔任用参考）", "期间：2026年1月1日 至", "王芳",
                    "优秀共产党员", "存证包摘要");
            String printedDigest = office.text(By.cssSelector(".verification code")).replace(" ", "");

            office.click(By.id("evidence-package"));
            Path file = office.downloaded();
            EvidencePackage evidence = EvidencePackage.parse(Files.readString(file, StandardCharsets.UTF_8));
            var verdict = EvidenceVerifier.verify(evidence, null);
            assertThat(verdict.valid()).as("%s", verdict).isTrue();
            assertThat(evidence.digest()).isEqualTo(printedDigest);
            assertThat(evidence.entries()).anyMatch(e -> e.canonical().contains("防汛抢险中冲锋在前"));
        }

        try (Person other = Person.open(base, Role.UNIT_STAFF, "周敏")) {
            other.signIn(TestAccounts.STAFF_OF_UNIT_B, TestAccounts.PASSWORD);
            other.go("/records/cadres/" + CADRE);
            assertThat(other.text(By.cssSelector("p.problem")))
                    .isEqualTo("干部实绩档案只有人事处、驻局纪检监察组、局领导和干部本人可以查看。");
            assertThat(other.pageText()).doesNotContain("优秀共产党员", "防汛抢险");
        }
    }

    private static void created(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
    }
}
