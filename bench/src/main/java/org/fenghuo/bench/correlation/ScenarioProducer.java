package org.fenghuo.bench.correlation;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fenghuo.correlation.scenario.DistrictScenario;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;

/**
 * Publishes the scenario to a topic as the collectors would (key = {@code source.ip}, value = ECS
 * JSON), each event stamped with {@code event.ingested} = the wall clock when it is sent, so the
 * sinks' ingest-to-indexed latency is the pipeline's own. At a fixed rate or as fast as it can.
 */
final class ScenarioProducer {
    private final String bootstrap;
    private final String topic;
    final AtomicLong sent = new AtomicLong();
    volatile long cpuNanos;
    volatile long wallNanos;

    ScenarioProducer(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    /** Sends every event of {@code scenario}; {@code rate} events/s, 0 = unpaced. Returns the count. */
    long produce(DistrictScenario scenario, long rate) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long n = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (SecurityEvent e : scenario) {
                if (rate > 0 && (n & 63) == 0) {
                    pace(start, n, rate);
                }
                SecurityEvent stamped = stamp(e, Instant.now());
                String key = e.source() == null ? null : e.source().ip();
                producer.send(new ProducerRecord<>(topic, key, EcsJsonCodec.toJsonBytes(stamped)));
                sent.set(++n);
            }
            producer.flush();
        }
        wallNanos = System.nanoTime() - start;
        cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
        return n;
    }

    /** The event with {@code event.ingested} set, as a collector stamps it when it sends. */
    static SecurityEvent stamp(SecurityEvent e, Instant ingested) {
        SecurityEvent.EventInfo i = e.event();
        return e.toBuilder().event(new SecurityEvent.EventInfo(i.id(), i.kind(), i.category(),
                i.type(), i.action(), i.outcome(), i.module(), i.dataset(), i.provider(), i.severity(), i.original(),
                i.created(), ingested, i.start(), i.end(), i.duration())).build();
    }

    private static void pace(long start, long n, long rate) {
        long due = start + n * 1_000_000_000L / rate;
        long wait = due - System.nanoTime();
        if (wait > 200_000) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing", ie);
            }
        }
    }
}
