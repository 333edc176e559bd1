package org.fenghuo.deploy.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the bytes read from a file and prints "name: 42% of 180 MB" on stderr every two seconds. */
final class ProgressReporter implements AutoCloseable {
    /** Files smaller than this finish too quickly for a progress line to help. */
    static final long THRESHOLD_BYTES = 8L * 1024 * 1024;

    private final AtomicLong read = new AtomicLong();
    private final Thread timer;

    private ProgressReporter(String name, long size, PrintWriter err, long periodMillis) {
        // A plain sleeping thread, not a scheduled executor: the executor's classes and lambdas cost
        // ~3 ms of CPU at the start of a large decode, which a progress line does not need.
        timer = new Thread(new Lines(name, size, err, read, periodMillis), "fenghuo-progress");
        timer.setDaemon(true);
        timer.start();
    }

    /** Prints the line every period until interrupted. */
    private record Lines(String name, long size, PrintWriter err, AtomicLong read, long periodMillis)
            implements Runnable {
        @Override
        public void run() {
            try {
                while (true) {
                    Thread.sleep(periodMillis);
                    err.printf("%s: %d%% of %.0f MB%n", name, read.get() * 100 / size, size / 1e6);
                    err.flush();
                }
            } catch (InterruptedException closed) {
                // the file is read: no more lines
            }
        }
    }

    /** A reporter for large files; small ones get the stream back unchanged and no output. */
    static InputStream wrap(InputStream in, String name, long size, PrintWriter err, AutoCloseable[] handle) {
        return wrap(in, name, size, err, handle, 2_000);
    }

    /** {@link #wrap(InputStream, String, long, PrintWriter, AutoCloseable[])} with another period (tests). */
    static InputStream wrap(InputStream in, String name, long size, PrintWriter err, AutoCloseable[] handle,
                            long periodMillis) {
        if (size < THRESHOLD_BYTES) {
            handle[0] = () -> { };
            return in;
        }
        ProgressReporter reporter = new ProgressReporter(name, size, err, periodMillis);
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
        timer.interrupt();
    }
}
