package org.smtpdoctor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client that sends half a request and stalls is cut off after the idle timeout; others are answered meanwhile. */
class DeskSlowClientTest {
    @Test
    void aStalledRequestIsClosedAfterTheIdleTimeout() throws Exception {
        DeskConfig defaults = DeskConfig.of("127.0.0.1", 0, null, null, null, null);
        DeskConfig config = new DeskConfig(defaults.bind(), 0, null, null, null, null, null, defaults.maxBodyBytes(),
                defaults.maxBatchBytes(), Duration.ofSeconds(1));
        try (DeskServer server = BundledEngine.desk(config); Socket slow = new Socket("127.0.0.1", server.port())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/diagnose HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 200\r\n\r\n{\"text\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            // meanwhile another client is answered
            assertThat(new Http(server.port()).postJson("/api/diagnose", Map.of("text", "552 5.3.4 too big"))
                    .statusCode()).isEqualTo(200);
            slow.setSoTimeout(15_000);
            InputStream in = slow.getInputStream();
            byte[] answer = in.readAllBytes(); // ends when the server closes the connection
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertThat(seconds).as("closed after the 1 s idle timeout, not held").isLessThan(10);
            String text = new String(answer, StandardCharsets.US_ASCII);
            assertThat(text).doesNotContain("\tat ");
        }
    }
}
