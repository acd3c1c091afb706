package ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;

/**
 * A person's browser against the query side's pages: cookies kept, redirects not followed (tests look at
 * them), forms posted with the CSRF token their page carried. Repeated fields (a multiple select) are pairs.
 */
final class PersonBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;

    PersonBrowser(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + local(path))).header("Accept-Language", "zh-CN")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page a redirect leads to. */
    HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
        assertThat(redirect.statusCode()).as("a redirect, not %s", redirect.body()).isEqualTo(302);
        return get(redirect.headers().firstValue("Location").orElseThrow());
    }

    HttpResponse<String> post(String path, List<Map.Entry<String, String>> form) throws Exception {
        String body = form.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) throws Exception {
        return submit(pagePath, action, new ArrayList<>(fields.entrySet()));
    }

    /** Posts a page's form with the CSRF token the page carried. */
    HttpResponse<String> submit(String pagePath, String action, List<Map.Entry<String, String>> fields)
            throws Exception {
        String page = get(pagePath).body();
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the page %s carries a CSRF token", pagePath).isTrue();
        List<Map.Entry<String, String>> form = new ArrayList<>(fields);
        form.add(Map.entry("_csrf", token.group(1)));
        return post(action, form);
    }

    PersonBrowser signIn(Role role) throws Exception {
        HttpResponse<String> answer = submit("/login", "/login",
                Map.of("username", TestAccounts.username(role), "password", TestAccounts.PASSWORD));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return this;
    }

    private static String local(String path) {
        return path.replaceFirst("^https?://[^/]+", "");
    }
}
