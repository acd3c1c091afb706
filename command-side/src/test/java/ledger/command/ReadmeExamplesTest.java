package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ledger.kernel.shared.BureauTime;
import ledger.query.QuerySideApplication;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import ledger.storeserver.EmbeddedStoreServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's examples work on the demo as printed (issue 13): both services on one store with
 * the demo data and demo accounts loaded, as {@code ./run --demo} starts them, then every
 * {@code curl} of the fenced {@code sh} blocks between the README's "demo examples" markers, in
 * order, through an HTTP client (curl itself may not be installed), with the demo accounts'
 * passwords for {@code PASSWORD} and this run's ports. Each must answer the status written after
 * it as {@code # -> STATUS}, else a 2xx. Reads on the query side first wait until its views have
 * caught up, as a person reading after a write would see them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.demo.data=true", "ledger.security.demo-accounts=true", "ledger.security.bcrypt-strength=4"})
class ReadmeExamplesTest {

    static final String BEGIN = "<!-- demo examples: begin";
    static final String END = "<!-- demo examples: end -->";
    private static final String ADMIN_PASSWORD = "admin-password-of-this-test";
    /** The shell variables the examples may define, with the definition the README must give. */
    private static final Map<String, String> DEFINITIONS = Map.of(
            "M", "TZ=Asia/Shanghai date +%Y-%m",
            "TODAY", "TZ=Asia/Shanghai date +%F",
            "DUE", "TZ=Asia/Shanghai date -d '+2 months' +%F");

    private static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    private static final Path DATA = temp();
    private static ConfigurableApplicationContext querySide;

    @LocalServerPort
    int commandPort;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    ObjectMapper json;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("ledger.store.uri", STORE::connectionString);
        registry.add("ledger.store.database", () -> "readme");
        registry.add("ledger.store.data-dir", DATA::toString);
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
    }

    @Test
    void every_example_of_the_readme_answers_as_written_on_the_demo() throws Exception {
        List<Example> examples = examples(Files.readString(Path.of("..", "README.md")), variables());
        assertThat(examples).as("examples between the markers").hasSizeGreaterThan(30);
        querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .run("--ledger.store.uri=" + STORE.connectionString(), "--ledger.store.database=readme",
                        "--server.port=0", "--ledger.security.bcrypt-strength=4",
                        "--ledger.web.command-url=http://localhost:" + commandPort);
        String queryPort = querySide.getEnvironment().getProperty("local.server.port");
        Map<String, String> passwordsOf = demoPasswords();

        List<String> wrong = new ArrayList<>();
        for (Example example : examples) {
            Call call = Call.of(example, passwordsOf, Map.of("localhost:8081", "localhost:" + commandPort,
                    "localhost:8082", "localhost:" + queryPort));
            if (call.uri().getPort() == Integer.parseInt(queryPort)) {
                viewsCaughtUp(queryPort);
            }
            int status = send(call);
            boolean as = example.expected() == null ? status / 100 == 2 : status == example.expected();
            if (!as) {
                wrong.add("README line " + example.line() + ": " + call.method() + " " + call.uri() + " answered "
                        + status + ", the README says " + (example.expected() == null ? "2xx" : example.expected())
                        + ": " + call.lastBody());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The README would need a shell to define its variables; these are their values on this demo. */
    private Map<String, String> variables() {
        LocalDate today = BureauTime.dayOf(java.time.Instant.now());
        YearMonth demoMonth;
        try (var first = engine.readEvents("bureau-office", 0).asStream()) {
            demoMonth = YearMonth.from(BureauTime.dayOf(first.findFirst().orElseThrow().getTimestamp()));
        }
        return Map.of("M", demoMonth.toString(), "TODAY", today.toString(), "DUE", today.plusMonths(2).toString());
    }

    /** The demo roles' passwords as the first start kept them; the administrator's is set here, as it is printed only. */
    private Map<String, String> demoPasswords() throws IOException {
        Map<String, String> byUser = new HashMap<>();
        for (String line : Files.readAllLines(DATA.resolve("demo-accounts.txt"))) {
            String[] columns = line.trim().split("\\s+");
            byUser.put(columns[0], columns[1]);
        }
        accounts.setPasswordHash("admin", passwords.encode(ADMIN_PASSWORD));
        byUser.put("admin", ADMIN_PASSWORD);
        return byUser;
    }

    /** Waits (bounded) until every view of the query side is at the head of the log with nothing parked. */
    private void viewsCaughtUp(String queryPort) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        HttpRequest processors = HttpRequest.newBuilder(URI.create("http://localhost:" + queryPort + "/api/admin/processors"))
                .header("Authorization", basic("admin", ADMIN_PASSWORD)).timeout(Duration.ofSeconds(30)).build();
        while (true) {
            HttpResponse<String> answer = client.send(processors, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                JsonNode all = json.readTree(answer.body());
                boolean caughtUp = all.size() > 0;
                for (JsonNode processor : all) {
                    caughtUp &= processor.path("caughtUp").asBoolean(false);
                }
                if (caughtUp) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("the query side's views catch up: " + answer.body()).isLessThan(until);
            Thread.sleep(100);
        }
    }

    private int send(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(Duration.ofSeconds(60))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        call.headers().forEach(request::header);
        // a stream never ends: its status and first bytes are what the example promises
        HttpResponse<InputStream> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = answer.body()) {
            byte[] read = call.streams() ? body.readNBytes(0) : body.readAllBytes();
            call.answered(new String(read, StandardCharsets.UTF_8));
        }
        return answer.statusCode();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // ---- reading the examples out of the README ----

    /** One shell command of an example block: its words after quoting and variables, and the status it promises. */
    record Example(int line, List<String> words, Integer expected) {
    }

    private static final Pattern FENCE = Pattern.compile("(?m)^```sh\\n(.*?)^```$", Pattern.DOTALL);
    private static final Pattern DEFINITION = Pattern.compile("^([A-Z_]+)=\\$\\((.*)\\)\\s*(#.*)?$");
    private static final Pattern EXPECTATION = Pattern.compile("^#\\s*->\\s*(\\d{3})\\b.*");

    static List<Example> examples(String readme, Map<String, String> values) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("the README marks its demo examples").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String section = readme.substring(begin, end);
        int sectionLine = (int) readme.substring(0, begin).chars().filter(c -> c == '\n').count() + 1;
        List<Example> examples = new ArrayList<>();
        Matcher block = FENCE.matcher(section);
        while (block.find()) {
            int line = sectionLine + (int) section.substring(0, block.start(1)).chars().filter(c -> c == '\n').count();
            examples.addAll(commands(block.group(1), line, values));
        }
        return examples;
    }

    /** A small shell reader: quotes, {@code $NAME} and {@code ${NAME}}, line continuations, comments. */
    static List<Example> commands(String text, int firstLine, Map<String, String> values) {
        List<Example> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int line = firstLine;
        int commandLine = firstLine;
        boolean afterCommand = false; // the last line ended a command: a comment on the next line may name its status
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (words.isEmpty() && word == null) {
                int eol = text.indexOf('\n', i);
                String rest = text.substring(i, eol < 0 ? text.length() : eol).strip();
                Matcher definition = DEFINITION.matcher(rest);
                if (definition.matches()) {
                    String name = definition.group(1);
                    assertThat(DEFINITIONS).as("line " + line + ": a variable the test knows").containsKey(name);
                    assertThat(definition.group(2)).as("line " + line + ": " + name + " as the test gives it")
                            .isEqualTo(DEFINITIONS.get(name));
                    i = eol < 0 ? text.length() : eol;
                    continue;
                }
            }
            if (c == '\n') {
                line++;
                i++;
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (!words.isEmpty()) {
                    commands.add(new Example(commandLine, List.copyOf(words), null));
                    words.clear();
                    afterCommand = true;
                }
                continue;
            }
            if (word == null && (c == ' ' || c == '\t')) {
                i++;
                continue;
            }
            if (word == null && c == '#') {
                int eol = text.indexOf('\n', i);
                String comment = text.substring(i, eol < 0 ? text.length() : eol).strip();
                Matcher expectation = EXPECTATION.matcher(comment);
                if (expectation.matches() && words.isEmpty() && afterCommand && !commands.isEmpty()) {
                    Example last = commands.remove(commands.size() - 1);
                    assertThat(last.expected()).as("line " + line + ": one status per example").isNull();
                    commands.add(new Example(last.line(), last.words(), Integer.parseInt(expectation.group(1))));
                }
                afterCommand = false;
                i = eol < 0 ? text.length() : eol;
                continue;
            }
            if (words.isEmpty() && word == null) {
                commandLine = line;
                afterCommand = false;
            }
            if (c == ' ' || c == '\t') {
                words.add(word.toString());
                word = null;
                i++;
                continue;
            }
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                line++; // a continuation ends the word before it, if any
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                i += 2;
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\\') {
                word.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                assertThat(close).as("line " + line + ": a closed single quote").isPositive();
                String quoted = text.substring(i + 1, close);
                line += (int) quoted.chars().filter(ch -> ch == '\n').count();
                word.append(quoted);
                i = close + 1;
            } else if (c == '"') {
                i++;
                while (text.charAt(i) != '"') {
                    char q = text.charAt(i);
                    if (q == '\\' && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                        word.append(text.charAt(i + 1));
                        i += 2;
                    } else if (q == '$') {
                        i = variable(text, i, word, values, line);
                    } else {
                        if (q == '\n') {
                            line++;
                        }
                        word.append(q);
                        i++;
                    }
                }
                i++;
            } else if (c == '$') {
                i = variable(text, i, word, values, line);
            } else {
                assertThat("|&;<>()`*?[".indexOf(c)).as("line " + line + ": no shell syntax the test cannot run: " + c)
                        .isNegative();
                word.append(c);
                i++;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            commands.add(new Example(commandLine, List.copyOf(words), null));
        }
        return commands;
    }

    private static int variable(String text, int at, StringBuilder word, Map<String, String> values, int line) {
        Matcher name = Pattern.compile("\\$(?:\\{([A-Z_]+)}|([A-Z_]+))").matcher(text).region(at, text.length());
        assertThat(name.lookingAt()).as("line " + line + ": a variable").isTrue();
        String variable = name.group(1) != null ? name.group(1) : name.group(2);
        assertThat(values).as("line " + line + ": a variable the examples define").containsKey(variable);
        word.append(values.get(variable));
        return name.end();
    }

    /** What one curl command asks, for an HTTP client. */
    static final class Call {
        private final String method;
        private final URI uri;
        private final Map<String, String> headers;
        private final String body;
        private final boolean streams;
        private String lastBody = "";

        private Call(String method, URI uri, Map<String, String> headers, String body, boolean streams) {
            this.method = method;
            this.uri = uri;
            this.headers = headers;
            this.body = body;
            this.streams = streams;
        }

        /** The curl options the examples use; any other fails the test, so every example stays runnable. */
        static Call of(Example example, Map<String, String> passwords, Map<String, String> hosts) {
            List<String> words = example.words();
            String where = "README line " + example.line() + ": ";
            assertThat(words.get(0)).as(where + "an example is a curl command").isEqualTo("curl");
            String method = null;
            String url = null;
            String body = null;
            boolean streams = false;
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (int w = 1; w < words.size(); w++) {
                String word = words.get(w);
                if (!word.startsWith("-")) {
                    assertThat(url).as(where + "one URL").isNull();
                    url = word;
                    continue;
                }
                for (int f = 1; f < word.length(); f++) {
                    char flag = word.charAt(f);
                    if ("uXHd".indexOf(flag) >= 0) {
                        String value = f + 1 < word.length() ? word.substring(f + 1) : words.get(++w);
                        switch (flag) {
                            case 'u' -> {
                                String[] user = value.split(":", 2);
                                String password = "PASSWORD".equals(user[1]) ? passwords.get(user[0]) : user[1];
                                assertThat(password).as(where + "a demo account: " + user[0]).isNotNull();
                                headers.put("Authorization", basic(user[0], password));
                            }
                            case 'X' -> method = value;
                            case 'H' -> {
                                String[] header = value.split(":\\s*", 2);
                                headers.put(header[0], header[1]);
                            }
                            default -> body = value;
                        }
                        break;
                    }
                    assertThat("sSNOJ".indexOf(flag)).as(where + "a curl option the test knows: -" + flag).isNotNegative();
                    streams |= flag == 'N';
                }
            }
            assertThat(url).as(where + "a URL").isNotNull();
            for (Map.Entry<String, String> host : hosts.entrySet()) {
                if (url.startsWith(host.getKey())) {
                    url = "http://" + host.getValue() + url.substring(host.getKey().length());
                }
            }
            assertThat(url).as(where + "a URL of either service").startsWith("http://");
            return new Call(method != null ? method : body != null ? "POST" : "GET", URI.create(url), headers, body,
                    streams);
        }

        String method() {
            return method;
        }

        URI uri() {
            return uri;
        }

        Map<String, String> headers() {
            return headers;
        }

        String body() {
            return body;
        }

        boolean streams() {
            return streams;
        }

        void answered(String text) {
            lastBody = text.length() > 500 ? text.substring(0, 500) + "…" : text;
        }

        String lastBody() {
            return lastBody;
        }
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("readme-examples");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
