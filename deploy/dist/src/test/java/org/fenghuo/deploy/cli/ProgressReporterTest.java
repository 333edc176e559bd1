package org.fenghuo.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text, true);

    @Test
    void aSmallFileIsReadAsItIsWithoutProgressLines() throws Exception {
        InputStream in = new ByteArrayInputStream(new byte[1024]);
        AutoCloseable[] handle = new AutoCloseable[1];
        assertThat(ProgressReporter.wrap(in, "small.pcap", 1024, err, handle, 1)).isSameAs(in);
        handle[0].close();
        assertThat(progressThreads()).isEmpty();
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void aLargeFileGetsLinesWithTheShareReadUntilClosed() throws Exception {
        long size = ProgressReporter.THRESHOLD_BYTES;
        AutoCloseable[] handle = new AutoCloseable[1];
        InputStream in = ProgressReporter.wrap(new ByteArrayInputStream(new byte[(int) (size / 2)]), "big.pcap", size,
                err, handle, 5);
        assertThat(in.readAllBytes()).hasSize((int) (size / 2));
        for (int i = 0; i < 2_000 && !text.toString().contains("big.pcap: 50% of 8 MB"); i++) {
            Thread.sleep(5); // waits for the first line; no assertion on how long it took
        }
        assertThat(text.toString()).contains("big.pcap: 50% of 8 MB" + System.lineSeparator());
        assertThat(progressThreads()).hasSize(1);

        handle[0].close();
        for (Thread t : progressThreads()) {
            t.join(10_000);
            assertThat(t.isAlive()).as("the progress thread ends when closed").isFalse();
        }
    }

    private static List<Thread> progressThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("fenghuo-progress") && t.isAlive()).toList();
    }
}
