package org.fenghuo.bench.correlation;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;

/**
 * A sink that keeps nothing but a count, the first and last arrival times and the distinct labels
 * of what it received (alerts' rule ids): the job without Elasticsearch, in the driver's JVM.
 */
final class TallySink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Tally> TALLIES = new ConcurrentHashMap<>();

    /** What one named sink saw, over all its subtasks. */
    static final class Tally {
        final LongAdder count = new LongAdder();
        final AtomicLong firstNanos = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastNanos = new AtomicLong(Long.MIN_VALUE);
        final Set<String> labels = ConcurrentHashMap.newKeySet();
    }

    private final String name;
    private final SerializableFunction<T, String> label;

    TallySink(String name, SerializableFunction<T, String> label) {
        this.name = name;
        this.label = label;
        TALLIES.put(name, new Tally());
    }

    static Tally of(String name) {
        return TALLIES.get(name);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        Tally tally = TALLIES.get(name);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                long now = System.nanoTime();
                tally.firstNanos.accumulateAndGet(now, Math::min);
                tally.lastNanos.accumulateAndGet(now, Math::max);
                tally.count.increment();
                if (label != null) {
                    tally.labels.add(label.apply(element));
                }
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
