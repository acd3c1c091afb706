package ledger.storeserver;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded, wire-compatible MongoDB server. Persistent mode keeps everything in one H2 file
 * under the data folder and flushes it after every write, so a write the server acknowledged
 * survives the process being killed.
 */
public final class EmbeddedStoreServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreServer.class);
    static final String STORE_FILE = "ledger-store.mv";

    private final MongoServer server;
    private final MongoBackend backend;
    private final InetSocketAddress address;
    private final Path storeFile;

    private EmbeddedStoreServer(MongoBackend backend, String host, int port, Path storeFile) {
        this.backend = backend;
        this.storeFile = storeFile;
        this.server = new MongoServer(backend);
        server.bind(host, port);
        this.address = server.getLocalAddress();
    }

    /** A server that keeps its data in memory only; for tests and benchmarks. */
    public static EmbeddedStoreServer inMemory(String host, int port) {
        return new EmbeddedStoreServer(new MemoryBackend(), host, port, null);
    }

    /** A server that persists to {@value #STORE_FILE} in {@code dataDir}, creating the folder if needed. */
    public static EmbeddedStoreServer persistent(Path dataDir, String host, int port) {
        PrivateFiles.folder(dataDir);
        Path file = dataDir.resolve(STORE_FILE).toAbsolutePath();
        log.info("Embedded store persists to {}", file);
        EmbeddedStoreServer server = new EmbeddedStoreServer(new DurableH2Backend(file.toString()), host, port, file);
        PrivateFiles.file(file);
        return server;
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /** The H2 file, or null in memory mode. */
    public Path storeFile() {
        return storeFile;
    }

    @Override
    public void close() {
        // shutdownNow closes client channels at once; the backend is closed (and flushed) by the server.
        server.shutdownNow();
        log.info("Embedded store on port {} stopped", address.getPort());
    }

    MongoBackend backend() {
        return backend;
    }
}
