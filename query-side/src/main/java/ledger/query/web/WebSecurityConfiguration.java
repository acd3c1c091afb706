package ledger.query.web;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import ledger.query.web.signin.CommandSideSignIn;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.data.mongo.AbstractMongoSessionConverter;
import org.springframework.session.data.mongo.JacksonMongoSessionConverter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The web application's sign-in: a form, a session kept in MongoDB (so a restart or a second instance
 * keeps people signed in), CSRF tokens on every form, sign-out. The API keeps its own stateless chain.
 */
@Configuration
class WebSecurityConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> LANGUAGES = List.of(CHINESE, Locale.ENGLISH);

    @Bean
    @Order(2)
    SecurityFilterChain webPageSecurity(HttpSecurity http, CommandSide commandSide) throws Exception {
        // only the command side signs people in here: no fall-back to the API's own account check, which
        // would give a session without the token its writes need (and must not replace that check for the API)
        return http.securityMatcher("/**")
                .authenticationManager(new ProviderManager(new CommandSideSignIn(commandSide)))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + "/login?error=" + (e instanceof AuthenticationServiceException ? "unavailable"
                                : "refused"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Sessions as JSON, not Java serialization: a document in the store must not be able to run code. */
    @Bean
    AbstractMongoSessionConverter mongoSessionConverter() {
        return new JacksonMongoSessionConverter(List.of(new JavaTimeModule()));
    }

    /** Chinese unless the person chose English (the switch) or their browser asks for it first. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("ledger-lang");
        resolver.setDefaultLocaleFunction(request -> {
            for (var it = request.getLocales().asIterator(); it.hasNext(); ) {
                Locale asked = it.next();
                if (asked.getLanguage().equals("zh")) {
                    return CHINESE;
                }
                if (asked.getLanguage().equals("en") && request.getHeader("Accept-Language") != null) {
                    return Locale.ENGLISH;
                }
            }
            return CHINESE;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
