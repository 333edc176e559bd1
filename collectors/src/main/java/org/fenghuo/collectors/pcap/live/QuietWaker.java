package org.fenghuo.collectors.pcap.live;

import java.util.function.LongSupplier;

/**
 * Wakes a blocked capture when a read timeout passes without a packet. On Linux libpcap's read
 * timeout does not fire on an idle interface (TPACKET_V3 arms it only once a packet arrives;
 * immediate mode blocks in poll without one), so {@code pcap_next_ex} could block forever: no
 * tick, no look at the interrupt flag. This daemon thread calls {@code pcap_breakloop} (which
 * wakes the poll on libpcap 1.10+) after each quiet interval; the capture loop treats a break it
 * did not ask for as a tick.
 */
final class QuietWaker implements AutoCloseable {
    private final Thread thread;
    private volatile boolean done;

    /**
     * @param packets    packets delivered so far (a change means the link was not quiet)
     * @param wake       breaks the capture out of its read
     */
    QuietWaker(String name, long intervalMillis, LongSupplier packets, Runnable wake) {
        thread = new Thread(() -> {
            long seen = -1;
            while (!done) {
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
                long now = packets.getAsLong();
                if (now == seen && !done) {
                    wake.run();
                }
                seen = now;
            }
        }, name);
        thread.setDaemon(true);
    }

    QuietWaker start() {
        thread.start();
        return this;
    }

    @Override
    public void close() {
        done = true;
        thread.interrupt();
    }
}
