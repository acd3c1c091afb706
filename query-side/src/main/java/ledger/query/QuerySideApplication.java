package ledger.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The query side: follows the event stream, keeps views in MongoDB, answers queries.
 * Settings live in query-side.properties so both services can share a classpath in tests.
 */
@SpringBootApplication
@EnableScheduling
@PropertySource("classpath:query-side.properties")
public class QuerySideApplication {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
