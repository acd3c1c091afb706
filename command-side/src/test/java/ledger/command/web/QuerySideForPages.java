package ledger.command.web;

import ledger.query.QuerySideApplication;
import ledger.storeserver.EmbeddedStoreServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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

    static PageBrowser browser(ConfigurableApplicationContext querySide) {
        return new PageBrowser("http://localhost:" + querySide.getEnvironment().getProperty("local.server.port"));
    }
}
