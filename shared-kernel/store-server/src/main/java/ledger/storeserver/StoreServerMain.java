package ledger.storeserver;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded store as its own process, so that the command side and the query side are
 * separate processes that meet only in the store, as they would on a real MongoDB.
 * Settings: LEDGER_STORE_HOST (127.0.0.1), LEDGER_STORE_PORT (27017), LEDGER_DATA_DIR (./data).
 */
public final class StoreServerMain {

    private StoreServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Without a configuration logback logs DEBUG, i.e. every wire message.
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(env("LEDGER_STORE_LOG_LEVEL", "INFO")));
        String host = env("LEDGER_STORE_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("LEDGER_STORE_PORT", "27017"));
        Path dataDir = Path.of(env("LEDGER_DATA_DIR", "./data"));
        EmbeddedStoreServer server = EmbeddedStoreServer.persistent(dataDir, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "store-shutdown"));
        System.out.println("Embedded store ready at " + server.connectionString() + " (data: " + server.storeFile() + ")");
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
