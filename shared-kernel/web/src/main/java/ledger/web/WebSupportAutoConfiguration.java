package ledger.web;

import java.time.Clock;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The clock, the id source, problem details and the API description every service uses. */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
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
    ApiJsonModule apiJsonModule() {
        return new ApiJsonModule();
    }

    /**
     * Requests mean exactly what they say: a key given twice, text after the JSON, or 1.5 where a
     * whole number belongs is refused rather than read one way or another.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequestJson() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
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
