package ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;

/**
 * A browser for page tests over the real HTTP stack: cookies kept, redirects not followed (the test looks at
 * them), forms posted with the CSRF token their page carried. Repeated fields (multiple selects, checkboxes)
 * are sent as pairs, in order.
 */
final class PageBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final Supplier<String> base;

    PageBrowser(Supplier<String> base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base.get() + path)).header("Accept-Language", "zh-CN")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows the redirect a form answered with (the page reading its own write). */
    HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
        assertThat(redirect.statusCode()).as("a redirect, not %s", redirect.body()).isEqualTo(302);
        return get(redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
    }

    HttpResponse<String> submit(String pagePath, String action, List<Map.Entry<String, String>> fields) throws Exception {
        Matcher token = CSRF.matcher(get(pagePath).body());
        assertThat(token.find()).as("the page %s carries a CSRF token", pagePath).isTrue();
        String body = java.util.stream.Stream.concat(fields.stream(), java.util.stream.Stream.of(Map.entry("_csrf",
                        token.group(1))))
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(base.get() + action)).header("Accept-Language", "zh-CN")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) throws Exception {
        return submit(pagePath, action, List.copyOf(fields.entrySet()));
    }

    PageBrowser signIn(Role role) throws Exception {
        HttpResponse<String> answer = submit("/login", "/login",
                Map.of("username", TestAccounts.username(role), "password", TestAccounts.PASSWORD));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return this;
    }
}
