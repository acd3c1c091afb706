package ledger.command.infrastructure;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

/** Documents the headers every command endpoint honours. */
@Configuration
class ApiDocumentation {

    @Bean
    OperationCustomizer commandHeaders() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter().name("If-Match").required(false).schema(new StringSchema())
                        .description("the aggregate version last seen (its ETag); a stale one answers 412"));
                operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                        .schema(new StringSchema())
                        .description("a retry with the same key and body has no second effect and gets the first answer"));
            }
            return operation;
        };
    }
}
