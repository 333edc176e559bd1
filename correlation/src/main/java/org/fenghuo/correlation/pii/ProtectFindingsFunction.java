package org.fenghuo.correlation.pii;

import java.security.SecureRandom;
import java.util.function.BiFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FindingProtector} in front of the alert and incident sinks. A finding is never dropped and
 * never leaves in clear: when sealing fails (no key, or anything else), its users are redacted instead, the failure
 * counted ({@code piiFindingsRedacted}) and logged.
 *
 * @param <T> {@link Alert} or {@link Incident}
 */
public final class ProtectFindingsFunction<T> extends RichMapFunction<T, T> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ProtectFindingsFunction.class);

    /** A method reference the job graph can carry. */
    private interface Step<T> extends BiFunction<FindingProtector, T, T>, java.io.Serializable {
    }

    private final KeyRingSource keys;
    private final Step<T> protect;
    private final Step<T> redact;
    private transient FindingProtector protector;
    private transient Counter protectedCount;
    private transient Counter redactedCount;

    private ProtectFindingsFunction(KeyRingSource keys, Step<T> protect, Step<T> redact) {
        this.keys = keys;
        this.protect = protect;
        this.redact = redact;
    }

    public static ProtectFindingsFunction<Alert> alerts(KeyRingSource keys) {
        return new ProtectFindingsFunction<Alert>(keys, FindingProtector::protect, FindingProtector::redact);
    }

    public static ProtectFindingsFunction<Incident> incidents(KeyRingSource keys) {
        return new ProtectFindingsFunction<Incident>(keys, FindingProtector::protect, FindingProtector::redact);
    }

    @Override
    public void open(OpenContext openContext) {
        protector = new FindingProtector(keys.open(), new SecureRandom());
        protectedCount = getRuntimeContext().getMetricGroup().counter("piiFindingsProtected");
        redactedCount = getRuntimeContext().getMetricGroup().counter("piiFindingsRedacted");
    }

    @Override
    public T map(T value) {
        try {
            T out = protect.apply(protector, value);
            if (out != value) {
                protectedCount.inc();
            }
            return out;
        } catch (RuntimeException e) {
            redactedCount.inc();
            // a CryptoFailure's message names the key problem, never a value; any other might quote one
            LOG.error("cannot seal personal data of a finding ({}); its user names are redacted instead",
                    e instanceof CryptoFailure ? e.getMessage() : e.getClass().getName());
            return redact.apply(protector, value);
        }
    }
}
