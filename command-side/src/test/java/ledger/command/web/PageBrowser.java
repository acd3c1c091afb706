package ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;

/**
 * A person's browser for page tests over the real HTTP stack: cookies kept, redirects not followed (the test
 * looks at them), Chinese asked for, forms posted with the CSRF token their page carried. A field given
 * several values (a list, or repeated pairs) is sent once per value, in order, as a multiple select is.
 */
final class PageBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final Supplier<String> base;

    PageBrowser(Supplier<String> base) {
        this.base = base;
    }

    PageBrowser(String base) {
        this(() -> base);
    }

    HttpResponse<String> get(String path) throws Exception {
        return get(path, "zh-CN");
    }

    /** As a browser set to {@code acceptLanguage} (null: one that sends no Accept-Language). */
    HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Follows the redirect a form answered with (the page reading its own write). */
    HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
        assertThat(redirect.statusCode()).as("a redirect, not %s", redirect.body()).isEqualTo(302);
        return get(redirect.headers().firstValue("Location").orElseThrow());
    }

    HttpResponse<String> post(String path, List<? extends Map.Entry<String, ?>> form) throws Exception {
        String body = form.stream().flatMap(e -> (e.getValue() instanceof List<?> values ? values
                        : List.of(e.getValue())).stream().map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "zh-CN")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, ?> form) throws Exception {
        return post(path, new ArrayList<>(form.entrySet()));
    }

    /** Posts a multipart form (one file) as a browser does. */
    HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, String fileName,
                                byte[] file) throws Exception {
        String boundary = "----ledger-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "zh-CN")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return token.group(1);
    }

    /** Posts a page's form with the CSRF token that page carried. */
    HttpResponse<String> submit(String pagePath, String action, List<? extends Map.Entry<String, ?>> fields)
            throws Exception {
        List<Map.Entry<String, ?>> form = new ArrayList<>(fields);
        form.add(Map.entry("_csrf", csrf(get(pagePath).body())));
        return post(action, form);
    }

    HttpResponse<String> submit(String pagePath, String action, Map<String, ?> fields) throws Exception {
        return submit(pagePath, action, new ArrayList<>(fields.entrySet()));
    }

    /** Signs in; the answer's redirect says whether it worked ({@code error=} when refused). */
    HttpResponse<String> signIn(String username, String password) throws Exception {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    PageBrowser signIn(Role role) throws Exception {
        HttpResponse<String> answer = signIn(TestAccounts.username(role), TestAccounts.PASSWORD);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return this;
    }

    private URI uri(String path) {
        // a redirect's Location may be absolute; the test's base decides the host
        return URI.create(base.get() + path.replaceFirst("^https?://[^/]+", ""));
    }
}
