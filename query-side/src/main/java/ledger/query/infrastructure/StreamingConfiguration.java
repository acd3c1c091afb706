package ledger.query.infrastructure;

import java.time.Duration;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Long-lived streamed responses (the live event feed) each hold a thread while they follow the
 * log. They get their own pool, sized by {@code ledger.query.max-streams}: a client beyond it is
 * refused at once (503) instead of queueing behind streams that last half an hour.
 */
@Configuration
class StreamingConfiguration implements WebMvcConfigurer, DisposableBean {

    private final int maxStreams;
    private final Duration streamTimeout;
    private final ThreadPoolTaskExecutor streams = new ThreadPoolTaskExecutor();

    StreamingConfiguration(@Value("${ledger.query.max-streams:64}") int maxStreams,
                           @Value("${ledger.query.stream-timeout:30m}") Duration streamTimeout) {
        this.maxStreams = maxStreams;
        this.streamTimeout = streamTimeout;
    }

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        streams.setThreadNamePrefix("stream-");
        streams.setCorePoolSize(1);
        streams.setMaxPoolSize(maxStreams);
        streams.setQueueCapacity(0);
        streams.setDaemon(true);
        streams.initialize();
        configurer.setTaskExecutor(streams);
        // a stream ends itself at the timeout; the container's limit only catches one that does not
        configurer.setDefaultTimeout(streamTimeout.plusMinutes(1).toMillis());
    }

    @Override
    public void destroy() {
        streams.shutdown();
    }
}
