package ledger.web;

import java.time.Clock;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
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

    /**
     * Replaces the error valve Tomcat (and Boot) put on the host, so a request refused before any
     * servlet, such as {@code GET /api/%zz}, is answered with a problem document too. Runs after
     * Boot's own customizer, which adds its valve from a context customizer of its own.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    StandardHost host = (StandardHost) context.getParent();
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemReportValve());
                });
            }
        };
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
                .description("Errors are RFC 9457 problem documents with a stable `code`. Sign in with "
                        + "HTTP Basic (the accounts of the embedded user store) or, where the service is set up for "
                        + "JWTs, a bearer token; Swagger UI's Authorize button takes either."));
    }

    /**
     * The sign-in schemes, on every operation: each documented operation needs sign-in (the public
     * paths, health and this document, are not in it). Both are declared because a service takes
     * one or the other depending on its settings; either requirement satisfies an operation.
     */
    @Bean
    OpenApiCustomizer signInSchemes() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                            .description("an account of the embedded user store (when no JWT setting is given)"))
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .bearerFormat("JWT").description("a JWT of the configured issuer "
                                    + "(LEDGER_JWT_ISSUER_URI)"));
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                    operation.setSecurity(null);
                    operation.addSecurityItem(new SecurityRequirement().addList(BASIC))
                            .addSecurityItem(new SecurityRequirement().addList(BEARER));
                }));
            }
        };
    }

    static final String BASIC = "basic";
    static final String BEARER = "bearer";
}
