package ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;

/** A browser on the web application: cookies kept, redirects not followed (a test looks at them), Chinese asked. */
final class AuditBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;

    AuditBrowser(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN").GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows the redirect a form answered with. */
    HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
        assertThat(redirect.statusCode()).as("a redirect: %s", redirect.body()).isEqualTo(302);
        return get(redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
    }

    /** Posts a page's form with the CSRF token that page carried. */
    HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) throws Exception {
        Matcher token = CSRF.matcher(get(pagePath).body());
        assertThat(token.find()).as("the page %s carries a CSRF token", pagePath).isTrue();
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", token.group(1));
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(base + action)).header("Accept-Language", "zh-CN")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in; the answer's redirect says whether it worked ({@code error=} when refused). */
    HttpResponse<String> signIn(String username, String password) throws Exception {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    AuditBrowser signedIn(Role role) throws Exception {
        HttpResponse<String> answer = signIn(TestAccounts.username(role), TestAccounts.PASSWORD);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return this;
    }
}
