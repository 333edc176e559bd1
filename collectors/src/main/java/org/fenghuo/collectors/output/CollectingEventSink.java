package org.fenghuo.collectors.output;

import java.util.ArrayList;
import java.util.List;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;

/** Keeps everything in memory, in arrival order: for tests and dry runs. Thread-safe. */
public final class CollectingEventSink implements EventSink {

    private final List<SecurityEvent> events = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    @Override
    public synchronized void event(SecurityEvent event) {
        events.add(event);
        notifyAll();
    }

    @Override
    public synchronized void deadLetter(DeadLetter deadLetter) {
        deadLetters.add(deadLetter);
        notifyAll();
    }

    public synchronized List<SecurityEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /**
     * Waits until at least {@code count} events and dead letters together have arrived, for tests
     * of network inputs.
     *
     * @return whether they arrived before the timeout (a bound on waiting, not a speed check)
     */
    public synchronized boolean awaitTotal(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (events.size() + deadLetters.size() < count) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
