package org.fenghuo.collectors.output;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.fenghuo.collectors.spool.DurableSpool;
import org.fenghuo.collectors.spool.SpoolRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that moves records from the spool to Kafka, in spool order: read a batch, send
 * it, wait until Kafka acknowledged every record, then acknowledge the batch in the spool. The
 * producer retries a send until Kafka is back ({@code delivery.timeout.ms} is unbounded by
 * default), so an outage only makes this thread wait while the spool grows; idempotence keeps
 * those retries from writing twice. Records Kafka refuses for what they are (too large) are
 * counted as {@code dropped{reason=kafka_rejected}}; any other failure is retried with a fresh
 * producer after a pause.
 */
final class SpoolDrainer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolDrainer.class);
    static final int BATCH_RECORDS = 2000;
    static final long BATCH_BYTES = 8L << 20;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long RETRY_PAUSE_MILLIS = 1000;

    private final KafkaSinkConfig config;
    private final DurableSpool spool;
    private final Function<String, OutputMetrics> metrics;
    private final Counter drained;
    private final Counter sendFailed;
    private Producer<byte[], byte[]> producer;
    private volatile Thread thread;
    private volatile boolean stopped;
    private volatile boolean kafkaUp = true;

    SpoolDrainer(KafkaSinkConfig config, DurableSpool spool, MeterRegistry registry,
            Function<String, OutputMetrics> metrics) {
        this.config = config;
        this.spool = spool;
        this.metrics = metrics;
        this.drained = Counter.builder("fenghuo.output.drained").description("records Kafka acknowledged, "
                + "released from the spool").register(registry);
        this.sendFailed = Counter.builder("fenghuo.output.send_failed").description("sends that failed and "
                + "were retried or dropped").register(registry);
    }

    /** Defaults for an output that must not lose anything; the configured overrides win. */
    static KafkaSinkConfig reliable(KafkaSinkConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        props.putAll(config.producerOverrides());
        return config.withProducerOverrides(props);
    }

    /**
     * @throws org.apache.kafka.common.config.ConfigException when the producer settings are invalid
     *         (a configuration error, reported at start-up); an unreachable or unresolvable Kafka is
     *         not an error here: records wait in the spool and the drainer keeps trying
     */
    void start() {
        new ProducerConfig(KafkaEventSink.producerProperties(reliable(config)));
        createProducer();
        Thread t = new Thread(this, "spool-drainer");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** New records are waiting; cheap, called after every append. */
    void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Whether the last send succeeded; false while Kafka is unreachable. */
    boolean kafkaUp() {
        return kafkaUp;
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                if (producer == null && !createProducer()) {
                    pause();
                    continue;
                }
                DurableSpool.Batch batch = spool.read(BATCH_RECORDS, BATCH_BYTES);
                if (batch.count() == 0) {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                    continue;
                }
                if (deliver(batch.records())) {
                    spool.ack(batch);
                    drained.increment(batch.records().size());
                }
            } catch (IOException | RuntimeException e) {
                if (stopped) {
                    break;
                }
                LOG.error("spool drainer: {}; retrying in {} ms", e.toString(), RETRY_PAUSE_MILLIS, e);
                pause();
            }
        }
    }

    /** Sends the records in order and waits for each; false when stopped first. */
    private boolean deliver(List<SpoolRecord> records) {
        int from = 0;
        while (from < records.size()) {
            if (stopped) {
                return false;
            }
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            int failedAt = send(records, from, pending);
            int settled = await(records, from, pending);
            if (settled == pending.size() && failedAt < 0) {
                return true;
            }
            // resend from the first record not known to be in Kafka: at-least-once for what follows it
            from += settled;
            renewProducer();
            pause();
            if (producer == null) {
                return false;
            }
        }
        return true;
    }

    /** Hands records[from..] to the producer; returns the index whose send() threw, or -1. */
    private int send(List<SpoolRecord> records, int from, List<Future<RecordMetadata>> pending) {
        for (int i = from; i < records.size(); i++) {
            SpoolRecord record = records.get(i);
            String topic = record.kind() == SpoolRecord.Kind.EVENT ? config.eventsTopic() : config.deadLetterTopic();
            try {
                pending.add(producer.send(new ProducerRecord<>(topic, record.key(), record.value())));
            } catch (RuntimeException e) {
                // metadata unavailable for max.block.ms, a closed or broken producer
                failed(record, e);
                return i;
            }
        }
        return -1;
    }

    /** Waits for the futures in order; returns how many are settled (delivered or rejected for good). */
    private int await(List<SpoolRecord> records, int from, List<Future<RecordMetadata>> pending) {
        for (int k = 0; k < pending.size(); k++) {
            SpoolRecord record = records.get(from + k);
            try {
                while (true) {
                    try {
                        pending.get(k).get(1, TimeUnit.SECONDS);
                        break;
                    } catch (TimeoutException e) {
                        kafkaUp = false;
                        if (stopped) {
                            return k;
                        }
                    }
                }
                kafkaUp = true;
                metrics.apply(record.input()).input().sent();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RecordTooLargeException || cause instanceof InvalidRecordException) {
                    failed(record, cause);
                    metrics.apply(record.input()).dropped(OutputMetrics.DropReason.KAFKA_REJECTED);
                    continue;
                }
                failed(record, cause);
                return k;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return k;
            }
        }
        return pending.size();
    }

    private void failed(SpoolRecord record, Throwable error) {
        kafkaUp = false;
        sendFailed.increment();
        metrics.apply(record.input()).input().sendFailed();
        LOG.warn("spool drainer: a record of input {} was not delivered: {}", record.input(), error.toString());
    }

    /** After a failure the producer's idempotence state may be unusable; a new one starts clean. */
    private void renewProducer() {
        if (stopped) {
            return;
        }
        if (producer != null) {
            producer.close(Duration.ZERO);
        }
        createProducer();
    }

    /**
     * A new producer, or null (false) when Kafka's client cannot even be built, e.g. no bootstrap
     * name resolves yet (an edge box booting before its DNS): the spool holds the records meanwhile.
     */
    private boolean createProducer() {
        try {
            producer = new KafkaProducer<>(KafkaEventSink.producerProperties(reliable(config)));
            return true;
        } catch (org.apache.kafka.common.KafkaException e) {
            producer = null;
            kafkaUp = false;
            LOG.warn("spool drainer: cannot create the Kafka producer yet ({}); records stay in the spool",
                    e.getMessage());
            return false;
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops after the batch in flight is delivered, or at once if Kafka does not answer; what is not
     * acknowledged stays in the spool for the next start.
     */
    void stop(Duration timeout) {
        stopped = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
