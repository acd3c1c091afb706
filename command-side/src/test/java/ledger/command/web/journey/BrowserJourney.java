package ledger.command.web.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ledger.command.DataFolders;
import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.query.QuerySideApplication;
import ledger.security.TestAccounts;
import ledger.security.UserAccount;
import ledger.security.UserAccounts;
import ledger.storeserver.EmbeddedStoreServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
 * A journey in a real browser: Debian's Chromium driven through Debian's chromedriver (both named
 * explicitly, so Selenium Manager never fetches anything), against both services on one embedded store.
 * The command side is the Spring test context (shared by every journey class, as Spring caches it); the
 * query side is started once beside it. A journey signs people in with {@link #signIn(Role)}, each in
 * their own browser, and waits on what the pages show, never on a clock. Each journey class keeps to its
 * own ledger month so that journeys do not see each other's tasks.
 *
 * <p>With {@code -Dledger.screenshots=docs/screenshots} the journeys save the README's screenshots there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // a checkpoint per notary pass, so a printed page's verification code follows its publication at once
        properties = {"ledger.security.bcrypt-strength=4", "ledger.audit.checkpoint-entries=1"})
public abstract class BrowserJourney {

    static final Path CHROMIUM = Path.of(System.getProperty("ledger.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("ledger.chromedriver", "/usr/bin/chromedriver"));
    static final String INSTALL = "apt-get install chromium chromium-driver fonts-noto-cjk";

    /** One store for the test JVM: the cached command-side context keeps pointing at it. */
    private static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    /** The notary's key and head of this store (see {@link DataFolders}). */
    private static final Path DATA = DataFolders.fresh("journeys");
    private static ConfigurableApplicationContext querySide;

    /** The people of the journeys, with the names the pages show. */
    static final String RENEWAL_STAFF = TestAccounts.STAFF_OF_UNIT_B;
    static final Map<Role, String> NAMES = new EnumMap<>(Map.of(Role.UNIT_STAFF, "王芳", Role.UNIT_HEAD, "李强",
            Role.BUREAU_LEADER, "张伟", Role.BUREAU_OFFICE, "陈静", Role.ORGAN_PARTY_COMMITTEE, "赵敏",
            Role.PERSONNEL_OFFICE, "刘洋", Role.DISCIPLINE_INSPECTION, "孙磊", Role.ADMIN, "周涛",
            Role.API_CLIENT, "接口"));
    static final String LEADER = TestAccounts.personId(Role.BUREAU_LEADER);
    static final String HOUSING = TestAccounts.UNIT_A;
    static final String RENEWAL = TestAccounts.UNIT_B;
    static final String MARKET = "unit-c";
    static final String OFFICE = "unit-office";
    static final String PARTY_COMMITTEE = "unit-party-committee";
    static final String DISCIPLINE_GROUP = "unit-discipline-group";
    private static final Map<String, String> UNITS = Map.of(HOUSING, "住房保障处", RENEWAL, "城市更新处",
            MARKET, "建筑市场监管处", OFFICE, "局办公室");

    @LocalServerPort
    int commandPort;
    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    private final List<Person> people = new ArrayList<>();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("ledger.store.uri", STORE::connectionString);
        registry.add("ledger.store.database", () -> "journeys");
        registry.add("ledger.store.data-dir", DATA::toString);
    }

    /** Skipped, never silently passed, where the browser is not installed. */
    @BeforeAll
    static void browserInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "); install them with: "
                        + INSTALL);
    }

    @BeforeEach
    void services() {
        organisation();
        if (querySide == null) {
            querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                    .run("--ledger.store.uri=" + STORE.connectionString(), "--ledger.store.database=journeys",
                            "--server.port=0", "--ledger.security.bcrypt-strength=4",
                            "--ledger.web.command-url=http://localhost:" + commandPort);
        }
    }

    @AfterEach
    void closeBrowsers() {
        people.forEach(Person::close);
        people.clear();
    }

    String baseUrl() {
        return "http://localhost:" + querySide.getEnvironment().getProperty("local.server.port");
    }

    /** Opens a new browser and signs in there as the journey's person of this role. */
    Person signIn(Role role) {
        return signIn(role, TestAccounts.username(role));
    }

    /** Opens a new browser and signs in there with this account (of this role). */
    Person signIn(Role role, String username) {
        Person person = Person.open(baseUrl(), role, NAMES.get(role));
        people.add(person);
        person.signIn(username, TestAccounts.PASSWORD);
        return person;
    }

    static LocalDate today() {
        return BureauTime.dayOf(Instant.now());
    }

    static YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    /** Assigns a task through the API as the bureau leader (set-up the journey does not walk through). */
    String assign(String title, String unit, List<String> coUnits, LocalDate due, YearMonth month) {
        ResponseEntity<Map> assigned = http.withBasicAuth(TestAccounts.username(Role.BUREAU_LEADER), TestAccounts.PASSWORD)
                .postForEntity("/api/tasks", Map.of("title", title, "source", "PARTY_GROUP_MEETING",
                        "leadLeaderId", LEADER, "leadUnitId", unit, "coUnitIds", coUnits,
                        "dueDate", due.toString(), "ledgerMonth", month.toString()), Map.class);
        assertThat(assigned.getStatusCode().value()).as("assigning %s: %s", title, assigned.getBody()).isEqualTo(201);
        return (String) assigned.getBody().get("id");
    }

    /** The accounts, units and leader the journeys name; safe to call again. */
    private void organisation() {
        String hash = passwords.encode(TestAccounts.PASSWORD);
        for (Role role : Role.SIGN_IN_ROLES) {
            String username = TestAccounts.username(role);
            if (accounts.find(username).isEmpty()) {
                accounts.add(new UserAccount(username, hash, TestAccounts.personId(role), role,
                        Role.UNIT_ROLES.contains(role) ? HOUSING : null, NAMES.get(role), true, "journey",
                        Instant.parse("2026-01-01T00:00:00Z")));
            }
        }
        if (accounts.find(RENEWAL_STAFF).isEmpty()) {
            accounts.add(new UserAccount(RENEWAL_STAFF, hash, TestAccounts.personId(RENEWAL_STAFF), Role.UNIT_STAFF,
                    RENEWAL, "吴刚", true, "journey", Instant.parse("2026-01-01T00:00:00Z")));
        }
        TestRestTemplate personnel = http.withBasicAuth(TestAccounts.username(Role.PERSONNEL_OFFICE), TestAccounts.PASSWORD);
        UNITS.forEach((id, name) -> registered(personnel.postForEntity("/api/units",
                Map.of("unitId", id, "name", name, "kind", "DIVISION"), Map.class)));
        registered(personnel.postForEntity("/api/units", Map.of("unitId", PARTY_COMMITTEE, "name", "机关党委",
                "kind", "ORGAN_PARTY_COMMITTEE"), Map.class));
        registered(personnel.postForEntity("/api/units", Map.of("unitId", DISCIPLINE_GROUP, "name", "驻局纪检监察组",
                "kind", "STATIONED_DISCIPLINE_GROUP"), Map.class));
        // the people who act in the journeys are cadres too, so the timelines name them
        cadre(personnel, TestAccounts.personId(Role.UNIT_STAFF), NAMES.get(Role.UNIT_STAFF), HOUSING, "科员");
        cadre(personnel, TestAccounts.personId(Role.UNIT_HEAD), NAMES.get(Role.UNIT_HEAD), HOUSING, "处长");
        cadre(personnel, TestAccounts.personId(RENEWAL_STAFF), "吴刚", RENEWAL, "科员");
        cadre(personnel, TestAccounts.personId(Role.BUREAU_OFFICE), NAMES.get(Role.BUREAU_OFFICE), OFFICE, "督查科科长");
        // the supervision group's three members sign bulletins by name
        cadre(personnel, TestAccounts.personId(Role.ORGAN_PARTY_COMMITTEE), NAMES.get(Role.ORGAN_PARTY_COMMITTEE),
                PARTY_COMMITTEE, "机关党委专职副书记");
        cadre(personnel, TestAccounts.personId(Role.DISCIPLINE_INSPECTION), NAMES.get(Role.DISCIPLINE_INSPECTION),
                DISCIPLINE_GROUP, "纪检监察员");
        if (cadre(personnel, LEADER, NAMES.get(Role.BUREAU_LEADER), HOUSING, "副局长")) {
            registered(personnel.postForEntity("/api/cadres/" + LEADER + "/leader-appointments",
                    Map.of("title", "副局长", "areasInCharge", List.of("住房保障", "城市更新"),
                            "inChargeOfPersonnel", false, "effectiveOn", "2024-01-01"), Map.class));
        }
    }

    private static boolean cadre(TestRestTemplate personnel, String id, String name, String unit, String position) {
        return registered(personnel.postForEntity("/api/cadres", Map.of("cadreId", id, "name", name, "unitId", unit,
                "position", position, "partyMember", true, "since", "2024-01-01"), Map.class));
    }

    /** True when newly created; false when it was there already. */
    private static boolean registered(ResponseEntity<Map> response) {
        int status = response.getStatusCode().value();
        if (status == 201) {
            return true;
        }
        if (status == 409 && "ALREADY_REGISTERED".equals(response.getBody().get("code"))) {
            return false;
        }
        throw new IllegalStateException("organisation set-up failed: " + status + " " + response.getBody());
    }
}
