package ledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The command side: takes commands over HTTP, decides in aggregates, stores events.
 * Settings live in command-side.properties (not application.properties) so that both services
 * can share one classpath in the end-to-end test without reading each other's settings.
 */
@SpringBootApplication
@EnableScheduling
@PropertySource("classpath:command-side.properties")
public class CommandSideApplication {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
