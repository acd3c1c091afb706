package ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requests the servlet container refuses before any servlet sees them, sent as raw bytes (an HTTP
 * client would refuse to send them), and what every service must answer: the status kept, the
 * body a problem document, nothing about the server or its stack.
 */
public final class MalformedRequests {

    /** The request head as sent, and the status the container gives it. */
    public static final Map<String, Integer> REFUSED = requests();

    private MalformedRequests() {
    }

    private static Map<String, Integer> requests() {
        Map<String, Integer> requests = new LinkedHashMap<>();
        requests.put("GET /api/%zz HTTP/1.1\r\nHost: localhost\r\n", 400);
        requests.put("GET /api/a%00b HTTP/1.1\r\nHost: localhost\r\n", 400);
        requests.put("GET /api/a|b HTTP/1.1\r\nHost: localhost\r\n", 400);
        requests.put("GET /api/{task} HTTP/1.1\r\nHost: localhost\r\n", 400);
        requests.put("GET /api/%2e%2e/%2e%2e/etc HTTP/1.1\r\nHost: localhost\r\n", 400);
        requests.put("GET /api/tasks HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n", 400);
        requests.put("GET /api/tasks HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "a".repeat(20_000) + "\r\n", 400);
        requests.put("GET /api/tasks HTTP/9.9\r\nHost: localhost\r\n", 505);
        return requests;
    }

    /** Sends every refused request to the service on {@code port} and checks each answer. */
    public static void assertAnsweredWithProblems(int port) throws IOException {
        for (Map.Entry<String, Integer> request : REFUSED.entrySet()) {
            String head = request.getKey();
            String shown = head.replace("\r\n", " | ");
            String label = shown.length() > 100 ? shown.substring(0, 100) + "…" : shown;
            Answer answer = send(port, head + "Connection: close\r\n\r\n");
            assertThat(answer.status()).as(label + "\n" + answer.raw()).isEqualTo(request.getValue());
            assertThat(answer.header("content-type")).as(label).startsWith("application/problem+json");
            Map<String, Object> problem = new ObjectMapper().readValue(answer.body(), new TypeReference<>() { });
            assertThat(problem).as(label).containsKeys("type", "title", "status", "detail", "code");
            assertThat(problem.get("status")).as(label).isEqualTo(request.getValue());
            String lower = answer.raw().toLowerCase(Locale.ROOT);
            assertThat(lower).as(label).doesNotContain("tomcat", "apache", "<html", "exception", "\tat ");
        }
    }

    /** The error page asked for directly, by nobody signed in: a resource that does not exist. */
    public static void assertErrorPageIsAProblem(int port) throws IOException {
        Answer answer = send(port, "GET /error HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(404);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(new ObjectMapper().readValue(answer.body(), new TypeReference<Map<String, Object>>() { }))
                .containsEntry("code", "UNKNOWN_RESOURCE");
    }

    private static Answer send(int port, String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            in.transferTo(read);
            return new Answer(read.toString(StandardCharsets.UTF_8));
        }
    }

    private record Answer(String raw) {
        int status() {
            return Integer.parseInt(raw.split(" ", 3)[1]);
        }

        String header(String name) {
            for (String line : raw.substring(0, raw.indexOf("\r\n\r\n")).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name + ":")) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return "";
        }

        String body() {
            String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            // A chunked body is one chunk here: its size line and the closing chunk around the JSON.
            return header("transfer-encoding").equals("chunked")
                    ? body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n")) : body;
        }
    }
}
