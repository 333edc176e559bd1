package org.fenghuo.crypto.envelope;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.keys.DataKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the SM4-GCM seals made under each data-key version in this process and refuses more
 * than a bound. Every seal draws a random 96-bit nonce; NIST SP 800-38D allows at most 2^32
 * such messages per key before the chance of a repeated nonce (which exposes the GCM
 * authentication key) passes 2^-32. At 200,000 events/s with a few sealed fields each, one key
 * reaches that within hours, so a key version must be rotated before, and this guard makes the
 * process stop sealing instead of quietly going past it.
 *
 * <p>The count is per process and starts at zero with the process: several processes sealing
 * under one key, or restarts, each get their own count. Choose the limit as 2^32 divided by the
 * number of sealing processes (the default 2^31 covers two), and rotate on a schedule that stays
 * well below it; the warning at half the limit is the reminder. Keys are counted by id and
 * version, so two key rings using the same id in one process share a count (it errs on the safe
 * side). Thread-safe; one instance is meant
 * to be shared by every {@link FieldEnvelope} of the process ({@link #shared()}).
 */
public final class DataKeyUsage {

    /** Half of SP 800-38D's 2^32 bound for random nonces: two processes may share a key at this limit. */
    public static final long DEFAULT_LIMIT = 1L << 31;
    /** Gauge name of {@link #bindTo}: seals per data-key version, tagged {@code key_id} and {@code key_version}. */
    public static final String METER = "fenghuo.crypto.data_key.seals";

    private static final Logger LOG = LoggerFactory.getLogger(DataKeyUsage.class);
    private static final DataKeyUsage SHARED = new DataKeyUsage(DEFAULT_LIMIT, LOG::warn);

    private final long limit;
    private final Consumer<String> warnings;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    /**
     * @param limit    seals allowed per data-key version (at least 2)
     * @param warnings told once per key version when half the limit is used (the shared instance logs a warning)
     */
    public DataKeyUsage(long limit, Consumer<String> warnings) {
        if (limit < 2) {
            throw new IllegalArgumentException("seal limit must be at least 2, was " + limit);
        }
        this.limit = limit;
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** The process-wide instance with {@link #DEFAULT_LIMIT}, which {@link FieldEnvelope}'s two-argument constructor uses. */
    public static DataKeyUsage shared() {
        return SHARED;
    }

    public long limit() {
        return limit;
    }

    /** Seals made so far under that key version in this process (0 if none). */
    public long seals(String keyId, int version) {
        Counter counter = counters.get(name(keyId, version));
        return counter == null ? 0 : counter.seals();
    }

    /** Seals per key version, {@code <id>:<version>} in order: for a status line or a test. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((key, counter) -> out.put(key, counter.seals()));
        return out;
    }

    /** Registers a gauge {@value #METER} for every key version, present and future. */
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        counters.values().forEach(c -> c.register(meterRegistry));
    }

    /** The counter of one key version; {@link FieldEnvelope} keeps it beside the key's cipher. */
    Counter counter(DataKey key) {
        return counters.computeIfAbsent(name(key.id(), key.version()), k -> {
            Counter counter = new Counter(key.id(), key.version());
            MeterRegistry meters = registry;
            if (meters != null) {
                counter.register(meters);
            }
            return counter;
        });
    }

    private static String name(String keyId, int version) {
        return keyId + ':' + version;
    }

    /** Seals of one key version. */
    final class Counter {
        private final String keyId;
        private final int version;
        private final AtomicLong count = new AtomicLong();

        private Counter(String keyId, int version) {
            this.keyId = keyId;
            this.version = version;
        }

        /**
         * Counts one seal, or refuses it once the limit is reached. The hot path is one atomic
         * increment and two comparisons.
         *
         * @throws CryptoFailure KEY_EXHAUSTED when this seal would pass the limit
         */
        void acquire() {
            long n = count.incrementAndGet();
            if (n > limit) {
                count.decrementAndGet();
                throw new CryptoFailure(CryptoFailure.Reason.KEY_EXHAUSTED, "data key " + keyId + " v" + version
                        + " has sealed its limit of " + limit + " values in this process (random GCM nonces); "
                        + "rotate it (`fenghuo keys rotate`) and reopen the keystore");
            }
            if (n == limit / 2) {
                warnings.accept("data key " + keyId + " v" + version + " has sealed " + n + " values in this process, half "
                        + "of its limit of " + limit + "; rotate it (`fenghuo keys rotate`) before sealing stops");
            }
        }

        long seals() {
            return count.get();
        }

        private void register(MeterRegistry meters) {
            Gauge.builder(METER, count, AtomicLong::get).tag("key_id", keyId).tag("key_version", Integer.toString(version))
                    .description("SM4-GCM seals under this data-key version in this process").register(meters);
        }
    }
}
