package org.fenghuo.bench.crypto;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.fenghuo.crypto.sm.Sm2;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** SM2 signatures (default signer ID, Z_A computed per call, 64-byte message) per second on one thread. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class Sm2Benchmark {

    static final byte[] MESSAGE = "audit checkpoint 000042 sm3=8f1e0c7a2b44d9e6f03a51c2d7b89e10aa".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random = new SecureRandom();
    private KeyPair keys;
    private byte[] signature;

    @Setup
    public void setUp() {
        keys = Sm2.generateKeyPair(random);
        signature = Sm2.sign(keys.getPrivate(), MESSAGE, random);
    }

    @Benchmark
    public byte[] sign() {
        return Sm2.sign(keys.getPrivate(), MESSAGE, random);
    }

    @Benchmark
    public boolean verify() {
        return Sm2.verify(keys.getPublic(), MESSAGE, signature);
    }
}
