package ledger.command.infrastructure;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import ledger.kernel.security.Role;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

/** Documents the headers every command endpoint honours, months as the API reads them, and the roles an account can have. */
@Configuration
class ApiDocumentation {

    static {
        // Jackson reads a month as "2026-12"; without this the document describes YearMonth's getters
        SpringDocUtils.getConfig().replaceWithSchema(YearMonth.class,
                new StringSchema().format("year-month").example("2026-12"));
    }

    @Bean
    OperationCustomizer commandHeaders(IdempotencyRetention retention) {
        String idempotency = idempotencyKey(retention.retention());
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter().name("If-Match").required(false).schema(new StringSchema())
                        .description("the aggregate version last seen (its ETag); a stale one answers 412"));
                operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                        .schema(new StringSchema().minLength(1).maxLength(128).pattern("^[\\x21-\\x7e]+$"))
                        .description(idempotency));
            }
            return operation;
        };
    }

    /**
     * A role in this API is an account's or a session's, and none has SYSTEM (the deadline watch and the first start
     * act as it): opening an account or changing a role to it is refused, so the document offers only the others.
     */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    PropertyCustomizer accountRoles() {
        List<String> roles = Role.SIGN_IN_ROLES.stream().map(Role::name).toList();
        return (property, type) -> {
            if (property != null && property.getEnum() != null
                    && TypeFactory.defaultInstance().constructType(type.getType()).getRawClass() == Role.class) {
                ((Schema) property).setEnum(new ArrayList<>(roles));
            }
            return property;
        };
    }

    /** What a client can rely on, with the retention this service runs with. */
    static String idempotencyKey(Duration retention) {
        return "1-128 visible ASCII characters, per signed-in person (ignored under /api/accounts). "
                + "A retry with the same key and body has no second effect and gets the first answer "
                + "(Idempotent-Replayed: true); the same key with another body answers 422 "
                + "IDEMPOTENCY_KEY_REUSED, and while the first request runs, 409 with Retry-After. "
                + "A key is remembered for " + retention + " (LEDGER_IDEMPOTENCY_RETENTION) after its "
                + "answer, and all the while its request runs; after that it is forgotten and a request "
                + "with it is a new request, which runs "
                + "(and the rules decide it) as if the key had never been used. Retry within the retention.";
    }
}
