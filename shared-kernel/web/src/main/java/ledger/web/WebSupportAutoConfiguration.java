package ledger.web;

import java.time.Clock;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The clock, the id source, problem details and the API description every service uses. */
@AutoConfiguration
public class WebSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    IdGenerator idGenerator() {
        return IdGenerator.random();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI ledgerOpenApi(@Value("${spring.application.name:ledger}") String service) {
        return new OpenAPI().info(new Info()
                .title("督查台账 Supervision Ledger: " + service)
                .version("v1")
                .description("Errors are RFC 9457 problem documents with a stable `code`."));
    }
}
