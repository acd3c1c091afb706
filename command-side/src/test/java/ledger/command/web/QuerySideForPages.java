package ledger.command.web;

import java.util.Map;

import ledger.kernel.security.Role;
import ledger.query.QuerySideApplication;
import ledger.security.TestAccounts;
import ledger.storeserver.EmbeddedStoreServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

/** The query side (which serves the pages) on a page test's store, forwarding writes to that test's command side. */
final class QuerySideForPages {

    private QuerySideForPages() {
    }

    static ConfigurableApplicationContext start(EmbeddedStoreServer store, String database, int commandPort) {
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .run("--ledger.store.uri=" + store.connectionString(), "--ledger.store.database=" + database,
                        "--server.port=0", "--ledger.security.bcrypt-strength=4",
                        "--ledger.web.command-url=http://localhost:" + commandPort);
    }

    /**
     * Waits until the query side's cadre records include a registration the API answered with (its
     * position), asking the record with {@code minPosition} as the personnel office: a page read right after
     * a write through the API would otherwise race the views.
     */
    @SuppressWarnings("rawtypes")
    static void awaitCadre(ConfigurableApplicationContext querySide, ResponseEntity<Map> registered) {
        if (registered.getStatusCode().value() != 201) {
            return; // registered before: the views have it
        }
        String url = "http://localhost:" + querySide.getEnvironment().getProperty("local.server.port")
                + "/api/cadres/" + registered.getBody().get("id") + "/record?minPosition="
                + registered.getBody().get("position");
        TestRestTemplate personnel = new TestRestTemplate(TestAccounts.username(Role.PERSONNEL_OFFICE),
                TestAccounts.PASSWORD);
        long deadline = System.nanoTime() + 60_000_000_000L;
        int status;
        // each read itself waits up to the query side's longest wait for the position, then answers 503
        while ((status = personnel.getForEntity(url, Map.class).getStatusCode().value()) == 503
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        if (status != 200) {
            throw new IllegalStateException("the cadre record never reached position: " + status + " " + url);
        }
    }

    static PageBrowser browser(ConfigurableApplicationContext querySide) {
        return new PageBrowser("http://localhost:" + querySide.getEnvironment().getProperty("local.server.port"));
    }
}
