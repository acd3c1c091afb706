package ledger.command;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

/**
 * The kill -9 drill of issue 11: the command side (its jar, on an embedded store process of its
 * own) takes task assignments from clients that each send an {@code Idempotency-Key}; it is killed
 * with SIGKILL at random moments and restarted, and every client retries its unanswered key until
 * answered. Then it counts, from the store itself: keys acknowledged, acknowledged keys whose task
 * is not stored (lost), keys stored more than once (duplicated), and keys whose retried answer
 * differs from the first one. Prints the figures, asserts nothing; not part of the test suite.
 * Run: see README ("Kill -9 drill"). {@code -Ddrill.kills=10 -Ddrill.clients=4}.
 */
public final class KillDrill {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Path dir;
    private final int storePort;
    private final int commandPort;
    private Process commandSide;
    private String leaderAuth;

    private KillDrill(Path dir) throws IOException {
        this.dir = dir;
        this.storePort = freePort();
        this.commandPort = freePort();
    }

    public static void main(String[] args) throws Exception {
        int kills = Integer.getInteger("drill.kills", 10);
        int clients = Integer.getInteger("drill.clients", 4);
        Path dir = Files.createTempDirectory("ledger-kill-drill");
        KillDrill drill = new KillDrill(dir);
        Process store = drill.start("store", jar("shared-kernel/store-server"), Map.of(
                "LEDGER_STORE_HOST", "127.0.0.1", "LEDGER_STORE_PORT", String.valueOf(drill.storePort),
                "LEDGER_DATA_DIR", dir.resolve("store").toString()));
        try {
            drill.run(kills, clients);
        } finally {
            if (drill.commandSide != null) {
                drill.commandSide.destroyForcibly().waitFor();
            }
            store.destroy();
            store.waitFor(30, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    private void run(int kills, int clients) throws Exception {
        startCommandSide();
        String personnel = auth("PERSONNEL_OFFICE");
        leaderAuth = auth("BUREAU_LEADER");
        expect(post(personnel, "/api/units", null, "{\"unitId\":\"unit-drill\",\"name\":\"演练处\",\"kind\":\"DIVISION\"}"));
        expect(post(personnel, "/api/cadres", null, "{\"cadreId\":\"cadre-drill-leader\",\"name\":\"演练局长\","
                + "\"unitId\":\"unit-drill\",\"position\":\"副局长\",\"partyMember\":true,\"since\":\"2024-01-01\"}"));
        expect(post(personnel, "/api/cadres/cadre-drill-leader/leader-appointments", null, "{\"title\":\"副局长\","
                + "\"areasInCharge\":[\"城市更新\"],\"inChargeOfPersonnel\":false,\"effectiveOn\":\"2024-01-01\"}"));

        Map<String, String> firstAnswers = new ConcurrentHashMap<>();
        AtomicInteger interruptedThenReplayed = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger nextKey = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (running.get()) {
                    String key = "drill-" + nextKey.getAndIncrement();
                    boolean wasInterrupted = false;
                    while (true) { // a client retries its key until it is answered
                        HttpResponse<String> answer = sendQuietly(key);
                        if (answer != null && answer.statusCode() == 201) {
                            firstAnswers.put(key, answer.body());
                            if (wasInterrupted && answer.headers().firstValue("Idempotent-Replayed").isPresent()) {
                                interruptedThenReplayed.incrementAndGet();
                            }
                            break;
                        }
                        if (answer != null && answer.statusCode() < 500 && answer.statusCode() != 409) {
                            System.out.println("unexpected answer for " + key + ": " + answer.statusCode() + " " + answer.body());
                            break;
                        }
                        if (!wasInterrupted) {
                            interrupted.incrementAndGet();
                            wasInterrupted = true;
                        }
                        pause(200);
                    }
                }
                return null;
            });
        }

        Random random = new Random();
        for (int kill = 1; kill <= kills; kill++) {
            // kill while commands are being handled: once the restarted side answers again, at a random moment
            int answered = firstAnswers.size();
            for (int waited = 0; firstAnswers.size() == answered && waited < 100; waited++) {
                pause(100);
            }
            pause(random.nextInt(1500));
            commandSide.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no finally
            System.out.printf(Locale.ROOT, "kill %d at %d keys sent%n", kill, nextKey.get());
            startCommandSide();
        }
        pause(2000);
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);

        // every key once more: the answer must be the first one, replayed
        int mismatched = 0;
        for (Map.Entry<String, String> first : firstAnswers.entrySet()) {
            HttpResponse<String> again = sendQuietly(first.getKey());
            if (again == null || again.statusCode() != 201 || !again.body().equals(first.getValue())) {
                mismatched++;
            }
        }

        Map<String, Integer> stored = storedAssignments();
        int sent = nextKey.get();
        long lost = firstAnswers.keySet().stream().filter(key -> !stored.containsKey(key)).count();
        long duplicated = stored.values().stream().filter(count -> count > 1).count();
        System.out.println();
        System.out.printf(Locale.ROOT, "kills %d, keys sent %d, keys not answered at first (killed, or sent while down) %d, "
                + "of which found already stored on retry %d%n", kills, sent, interrupted.get(), interruptedThenReplayed.get());
        System.out.printf(Locale.ROOT, "acknowledged %d, lost %d, duplicated %d, retried answer differs %d, "
                + "stored tasks %d%n", firstAnswers.size(), lost, duplicated, mismatched, stored.size());
        System.out.println("logs of the processes: " + dir);
    }

    private HttpResponse<String> sendQuietly(String key) {
        try {
            return post(leaderAuth, "/api/tasks", key, "{\"title\":\"演练任务 " + key + "\",\"source\":"
                    + "\"CITY_PARTY_COMMITTEE_GOVERNMENT\",\"leadLeaderId\":\"cadre-drill-leader\",\"leadUnitId\":"
                    + "\"unit-drill\",\"coUnitIds\":[],\"dueDate\":\"2026-12-31\",\"ledgerMonth\":\"2026-12\"}");
        } catch (IOException | InterruptedException down) {
            return null; // killed, or still starting
        }
    }

    /** How many TaskAssignedEvents the store holds per drill key (from the title). */
    private Map<String, Integer> storedAssignments() {
        Map<String, Integer> counts = new HashMap<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + storePort)) {
            for (Document commit : client.getDatabase("ledger").getCollection("events").find()) {
                for (Document event : commit.getList("events", Document.class, List.of())) {
                    if (event.getString("payloadType").endsWith("TaskAssignedEvent")) {
                        String title = event.get("payload", Document.class).getString("title");
                        if (title.startsWith("演练任务 ")) {
                            counts.merge(title.substring(5), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return counts;
    }

    private void startCommandSide() throws Exception {
        commandSide = start("command side", jar("command-side"), Map.of(
                "MONGODB_URI", "mongodb://127.0.0.1:" + storePort, "COMMAND_PORT", String.valueOf(commandPort),
                "LEDGER_DATA_DIR", dir.resolve("command").toString(), "LEDGER_DEMO_ACCOUNTS", "true"));
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + commandPort + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (!commandSide.isAlive()) {
                throw new IllegalStateException("the command side exited during start-up; see " + dir);
            }
            pause(300);
        }
        throw new IllegalStateException("the command side did not become ready");
    }

    private Process start(String name, Path jar, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name.replace(' ', '-') + ".log").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (name.equals("store")) {
            waitForPort(storePort, process);
        }
        return process;
    }

    private HttpResponse<String> post(String auth, String path, String key, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + commandPort + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Basic credentials of the demo account with this role, from the file the first start wrote. */
    private String auth(String role) throws IOException {
        for (String line : Files.readAllLines(dir.resolve("command").resolve("demo-accounts.txt"))) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 3 && columns[2].equals(role)) {
                return "Basic " + Base64.getEncoder().encodeToString((columns[0] + ":" + columns[1])
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        throw new IllegalStateException("no demo account with role " + role);
    }

    private static void expect(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException("set-up failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static Path jar(String module) throws IOException {
        try (var files = Files.list(Path.of(module, "target"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build first: ./mvnw -B -ntp -DskipTests package"));
        }
    }

    private static void waitForPort(int port, Process process) {
        for (int i = 0; i < 600; i++) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the store exited during start-up");
                }
                pause(100);
            }
        }
        throw new IllegalStateException("the store did not open its port");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
