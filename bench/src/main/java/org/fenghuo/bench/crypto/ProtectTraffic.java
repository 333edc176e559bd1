package org.fenghuo.bench.crypto;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.fenghuo.crypto.keys.DataKey;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.fenghuo.crypto.keys.KeyRing;
import org.fenghuo.crypto.pii.BlindIndex;
import org.fenghuo.crypto.pii.PiiProtector;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.crypto.pii.sample.PiiCorpus;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.SecurityEvent;

/**
 * The input of the {@code protect} benchmarks: {@link PiiCorpus} events of one mix (fixed seed),
 * the shipped default policy and an {@link InMemoryKeyRing}, plus what one pass over them costs
 * in seals and HMACs.
 */
final class ProtectTraffic {

    static final int EVENTS = 4096;
    static final long SEED = 20261124L;
    private static final EcsFieldPath TERMS = EcsFieldPath.of(BlindIndex.TERMS_FIELD);

    /** The event mixes measured: PII-dense, realistic hub traffic, and flows alone. */
    enum MixName {
        STANDARD(PiiCorpus.Mix.STANDARD),
        MOSTLY_FLOWS(PiiCorpus.Mix.MOSTLY_FLOWS),
        FLOWS_ONLY(new PiiCorpus.Mix(100, 0, 0, 0));

        final PiiCorpus.Mix mix;

        MixName(PiiCorpus.Mix mix) {
            this.mix = mix;
        }

        static MixName of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private ProtectTraffic() {
    }

    static SecurityEvent[] events(MixName mix, int count) {
        return new PiiCorpus(SEED, 40, mix.mix).events(count).toArray(SecurityEvent[]::new);
    }

    /** A protector as the correlation job makes one: default policy, a plain {@code new SecureRandom()}. */
    static PiiProtector protector(KeyRing keys) {
        return new PiiProtector(PiiPolicy.defaults(), keys, new SecureRandom(), new SimpleMeterRegistry());
    }

    static KeyRing keyRing() {
        return new InMemoryKeyRing("bench", new SecureRandom());
    }

    /** Seals (data-key look-ups, one per seal) and HMACs (distinct blind terms) per event of one pass. */
    static double[] costPerEvent(SecurityEvent[] events) {
        CountingKeyRing keys = new CountingKeyRing(keyRing());
        PiiProtector p = protector(keys);
        long hmacs = 0;
        long changed = 0;
        for (SecurityEvent e : events) {
            SecurityEvent out = p.protect(e);
            if (out != e) {
                changed++;
            }
            if (TERMS.get(out) instanceof List<?> terms) {
                hmacs += terms.size();
            }
        }
        return new double[] {keys.seals.sum() / (double) events.length, hmacs / (double) events.length,
                changed / (double) events.length};
    }

    /** Counts {@link KeyRing#currentDataKey()}: the envelope asks for it once per seal. */
    private static final class CountingKeyRing implements KeyRing {
        private final KeyRing inner;
        final LongAdder seals = new LongAdder();

        CountingKeyRing(KeyRing inner) {
            this.inner = inner;
        }

        @Override
        public DataKey currentDataKey() {
            seals.increment();
            return inner.currentDataKey();
        }

        @Override
        public DataKey dataKey(String keyId, int version) {
            return inner.dataKey(keyId, version);
        }

        @Override
        public byte[] blindIndexKey() {
            return inner.blindIndexKey();
        }
    }
}
