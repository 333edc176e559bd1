package org.fenghuo.collectors.output;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.input.EventSinkException;
import org.fenghuo.collectors.output.OutputMetrics.DropReason;
import org.fenghuo.collectors.spool.DurableSpool;
import org.fenghuo.collectors.spool.SpoolRecord;
import org.fenghuo.collectors.spool.WhenFull;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.DeadLetterJson;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge collector's output: every event and dead letter is first appended to the
 * {@link DurableSpool} (write-ahead), and a {@link SpoolDrainer} thread sends the spool to Kafka
 * in order ({@code acks=all}, idempotent, keyed like {@link KafkaEventSink}). So
 * {@link #event} returns once the record is in the spool (forced to disk per the fsync policy),
 * whether or not Kafka is reachable, and a Kafka outage never reorders anything: there is only
 * one path. A TCP input calls this on its connection thread, so while the spool is full it stops
 * reading and the sender's TCP window closes.
 *
 * <p>This sink waits while the spool is full ({@link WhenFull#REFUSE}); {@link #lossy()} gives the
 * view for inputs that cannot wait (UDP, pcap), which drops and counts instead. Thread-safe.
 */
public final class SpoolingKafkaOutput implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolingKafkaOutput.class);
    private static final String UNKNOWN_INPUT = "unknown";
    private static final long FULL_WAIT_MILLIS = 500;

    private final DurableSpool spool;
    private final MeterRegistry registry;
    private final Map<String, OutputMetrics> metrics = new ConcurrentHashMap<>();
    private final SpoolDrainer drainer;
    private volatile boolean waiting = true;
    private volatile long lastFullWarning;

    private SpoolingKafkaOutput(KafkaSinkConfig config, DurableSpool spool, MeterRegistry registry) {
        this.spool = Objects.requireNonNull(spool, "spool");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.drainer = new SpoolDrainer(Objects.requireNonNull(config, "config"), spool, registry, this::metrics);
    }

    /** Starts draining the spool (including what an earlier run left in it) to Kafka. */
    public static SpoolingKafkaOutput start(KafkaSinkConfig config, DurableSpool spool, MeterRegistry registry) {
        SpoolingKafkaOutput output = new SpoolingKafkaOutput(config, spool, registry);
        output.drainer.start();
        return output;
    }

    /** Registers an input's output counters now, so they show as zeros before its first record. */
    public void register(String input) {
        metrics(input);
    }

    private OutputMetrics metrics(String input) {
        return metrics.computeIfAbsent(input, name -> new OutputMetrics(registry, name));
    }

    @Override
    public void event(SecurityEvent event) {
        offer(eventRecord(event), true);
    }

    private static SpoolRecord eventRecord(SecurityEvent event) {
        return new SpoolRecord(SpoolRecord.Kind.EVENT, inputOf(event), utf8(KafkaEventSink.key(event)),
                EcsJsonCodec.toJsonBytes(event));
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        offer(deadLetterRecord(deadLetter), true);
    }

    private static SpoolRecord deadLetterRecord(DeadLetter deadLetter) {
        String input = deadLetter.input() != null ? deadLetter.input() : UNKNOWN_INPUT;
        return new SpoolRecord(SpoolRecord.Kind.DEAD_LETTER, input, utf8(deadLetter.origin()),
                DeadLetterJson.toJsonBytes(deadLetter));
    }

    /** The same output for inputs that cannot push back: a full spool drops and counts the record. */
    public EventSink lossy() {
        return new EventSink() {
            @Override
            public void event(SecurityEvent event) {
                offer(eventRecord(event), false);
            }

            @Override
            public void deadLetter(DeadLetter deadLetter) {
                offer(deadLetterRecord(deadLetter), false);
            }
        };
    }

    private void offer(SpoolRecord record, boolean mayWait) {
        OutputMetrics counters = metrics(record.input());
        boolean wait = mayWait && spool.config().whenFull() == WhenFull.REFUSE;
        while (true) {
            try {
                if (spool.append(record)) {
                    counters.spooled();
                    drainer.wake();
                    return;
                }
            } catch (DurableSpool.RecordTooLargeException e) {
                counters.dropped(DropReason.TOO_LARGE);
                LOG.error("input {}: {}; dropped", record.input(), e.getMessage());
                return;
            } catch (IOException e) {
                counters.dropped(DropReason.SPOOL_ERROR);
                throw new EventSinkException("input " + record.input() + ": cannot write to the spool "
                        + spool.config().dir() + ": " + e, e);
            }
            if (record.value().length >= spool.config().maxBytes()) {
                counters.dropped(DropReason.TOO_LARGE);
                LOG.error("input {}: a record of {} bytes is larger than the spool bound {}; dropped",
                        record.input(), record.value().length, spool.config().maxBytes());
                return;
            }
            if (!wait) {
                counters.dropped(DropReason.SPOOL_FULL);
                warnFull(record.input(), "dropping (counted as dropped{reason=spool_full})");
                return;
            }
            if (!waiting) {
                counters.dropped(DropReason.SHUTDOWN);
                throw new EventSinkException("input " + record.input() + ": the collector is stopping and the spool "
                        + "is full; record not spooled", null);
            }
            warnFull(record.input(), "waiting: the sender is held back");
            try {
                spool.awaitSpace(FULL_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                counters.dropped(DropReason.SHUTDOWN);
                throw new EventSinkException("input " + record.input() + ": interrupted while the spool was full", e);
            }
        }
    }

    private void warnFull(String input, String what) {
        long now = System.nanoTime();
        if (now - lastFullWarning > Duration.ofSeconds(10).toNanos()) {
            lastFullWarning = now;
            LOG.warn("spool {} is full ({} bytes, {} records waiting; Kafka {}): input {} {}", spool.config().dir(),
                    spool.usedBytes(), spool.depthRecords(), drainer.kafkaUp() ? "up" : "unreachable", input, what);
        }
    }

    private static String inputOf(SecurityEvent event) {
        return event.fenghuo() != null && event.fenghuo().input() != null ? event.fenghuo().input() : UNKNOWN_INPUT;
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the drainer's last send succeeded. */
    public boolean kafkaUp() {
        return drainer.kafkaUp();
    }

    public DurableSpool spool() {
        return spool;
    }

    /** Records spooled for all inputs so far. */
    public long spooled() {
        return metrics.values().stream().mapToLong(OutputMetrics::spooledCount).sum();
    }

    /** Records lost for any reason so far (each counted under its reason). */
    public long dropped() {
        return metrics.values().stream().mapToLong(OutputMetrics::droppedCount).sum();
    }

    /**
     * From now on a record that does not fit is dropped (counted as {@code dropped{reason=shutdown}})
     * instead of waiting for space, so no input thread stays blocked while the collector stops;
     * records that fit are still spooled. Called before closing the inputs.
     */
    public void stopWaiting() {
        waiting = false;
    }

    /**
     * Stops waiting for space, lets the drainer send what is in the spool for up to {@code drainTimeout}
     * (when Kafka is up), then stops it. The spool itself is left open: whoever opened it closes it.
     */
    public void close(Duration drainTimeout) {
        stopWaiting();
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (spool.depthRecords() > 0 && drainer.kafkaUp() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        drainer.stop(Duration.ofSeconds(10));
        if (spool.depthRecords() > 0) {
            LOG.info("spool {}: {} records stay for the next start", spool.config().dir(), spool.depthRecords());
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
