package org.fenghuo.deploy.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the bytes read from a file and prints "name: 42% of 180 MB" on stderr every two seconds. */
final class ProgressReporter implements AutoCloseable {
    /** Files smaller than this finish too quickly for a progress line to help. */
    static final long THRESHOLD_BYTES = 8L * 1024 * 1024;

    private final AtomicLong read = new AtomicLong();
    private final ScheduledExecutorService timer;

    private ProgressReporter(String name, long size, PrintWriter err) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fenghuo-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            err.printf("%s: %d%% of %.0f MB%n", name, read.get() * 100 / size, size / 1e6);
            err.flush();
        }, 2, 2, TimeUnit.SECONDS);
    }

    /** A reporter for large files; small ones get the stream back unchanged and no output. */
    static InputStream wrap(InputStream in, String name, long size, PrintWriter err, AutoCloseable[] handle) {
        if (size < THRESHOLD_BYTES) {
            handle[0] = () -> { };
            return in;
        }
        ProgressReporter reporter = new ProgressReporter(name, size, err);
        handle[0] = reporter;
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    reporter.read.addAndGet(n);
                }
                return n;
            }
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
