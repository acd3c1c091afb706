package ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;

/** Opens a streamed response as a signed-in person and hands its lines to a queue as they come. */
public final class StreamReader {

    private StreamReader() {
    }

    /** Opens the stream (expecting 200); close its body to end it. {@code lastEventId} may be null. */
    public static HttpResponse<Stream<String>> open(String url, Role role, String accept, String lastEventId,
                                                    BlockingQueue<String> lines) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestAccounts.username(role)
                        + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return response;
    }
}
