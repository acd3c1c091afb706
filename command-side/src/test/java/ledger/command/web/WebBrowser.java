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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;

/** A browser for page tests: cookies kept, redirects not followed, forms posted with the page's CSRF token. */
final class WebBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final Supplier<String> base;

    WebBrowser(Supplier<String> base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base.get() + path)).header("Accept-Language", "zh-CN")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base.get() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form; a field given several values (a list) is sent once per value. */
    HttpResponse<String> post(String path, Map<String, ?> form) throws Exception {
        String body = form.entrySet().stream().flatMap(e -> (e.getValue() instanceof List<?> values ? values
                        : List.of(e.getValue())).stream().map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(base.get() + path)).header("Accept-Language", "zh-CN")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
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
        return client.send(HttpRequest.newBuilder(URI.create(base.get() + path)).header("Accept-Language", "zh-CN")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return token.group(1);
    }

    /** Posts a page's form with the CSRF token the page carried. */
    HttpResponse<String> submit(String pagePath, String action, Map<String, ?> fields) throws Exception {
        Map<String, Object> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf(get(pagePath).body()));
        return post(action, form);
    }

    WebBrowser signIn(Role role) throws Exception {
        HttpResponse<String> answer = submit("/login", "/login",
                Map.of("username", TestAccounts.username(role), "password", TestAccounts.PASSWORD));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return this;
    }
}
