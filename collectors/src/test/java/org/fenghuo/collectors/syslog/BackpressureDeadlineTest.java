package org.fenghuo.collectors.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.fenghuo.collectors.input.EventSink;
import org.junit.jupiter.api.Test;

/**
 * A sink that blocks (the edge collector's spool is full) holds the connection thread back; the
 * listener's own frame deadline must not then close the connection and throw away what the
 * kernel buffered. Found by review: before the fix 473 of 2,002 frames arrived.
 */
class BackpressureDeadlineTest {

    @Test
    void aConnectionHeldBackByTheSinkIsNotClosedByItsFrameDeadline() throws Exception {
        int total = 2002;
        List<String> received = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(total);
        EventSink sink = EventSink.of(e -> {
            if ("m2".equals(e.message())) {
                try {
                    // held for several frame deadlines, as a full spool would hold it
                    release.await(3, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
            received.add(e.message());
            all.countDown();
        }, d -> { });
        SyslogInputConfig config = SyslogInputConfig.tcp().withAddress("127.0.0.1", 0)
                .withTimeouts(Duration.ofSeconds(60), Duration.ofMillis(500));
        try (SyslogTcpListener listener = SyslogTcpListener.start(config, sink, new SimpleMeterRegistry());
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.localPort())) {
            OutputStream out = socket.getOutputStream();
            // the first read ends inside m2's frame, so the frame deadline is running when m2 (completed
            // by the second read) blocks in the sink; the pause only makes the two writes two reads
            out.write("<13>Oct 11 22:14:15 host app: m1\n<13>Oct 11 22:14:15 host app: m2".getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(300);
            StringBuilder rest = new StringBuilder("\n");
            for (int i = 3; i <= total; i++) {
                rest.append("<13>Oct 11 22:14:15 host app: m").append(i).append('\n');
            }
            out.write(rest.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(all.await(60, TimeUnit.SECONDS)).as("received %d of %d", received.size(), total).isTrue();
        }
        assertThat(received).hasSize(total).startsWith("m1", "m2", "m3").endsWith("m" + total);
    }
}
