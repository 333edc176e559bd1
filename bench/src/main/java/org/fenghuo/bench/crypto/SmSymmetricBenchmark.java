package org.fenghuo.bench.crypto;

import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.fenghuo.crypto.sm.HmacSm3;
import org.fenghuo.crypto.sm.Sm3;
import org.fenghuo.crypto.sm.Sm4Ctr;
import org.fenghuo.crypto.sm.Sm4Gcm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SM4-GCM seal (random nonce, 16-byte AAD), SM3, HMAC-SM3 and SM4-CTR over one message of
 * {@code size} bytes on one thread; the score is messages/s, so MB/s = score × size / 10<sup>6</sup>.
 * The same operations against OpenSSL in one run: {@link CryptoSpeedRun}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class SmSymmetricBenchmark {

    @Param({"1024", "65536"})
    public int size;

    private byte[] message;
    private final byte[] aad = "user.id|doc-0001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final byte[] key = new byte[16];
    private final byte[] iv = new byte[16];
    private Sm4Gcm gcm;
    private HmacSm3 hmac;

    @Setup
    public void setUp() {
        Random seeded = new Random(20261124L);
        message = new byte[size];
        seeded.nextBytes(message);
        seeded.nextBytes(key);
        seeded.nextBytes(iv);
        gcm = new Sm4Gcm(key, new SecureRandom());
        byte[] macKey = new byte[32];
        seeded.nextBytes(macKey);
        hmac = new HmacSm3(macKey);
    }

    @Benchmark
    public byte[] sm4GcmSeal() {
        return gcm.seal(message, aad);
    }

    @Benchmark
    public byte[] sm4Ctr() {
        return Sm4Ctr.encrypt(key, iv, message);
    }

    @Benchmark
    public byte[] sm3() {
        return Sm3.digest(message);
    }

    @Benchmark
    public byte[] hmacSm3() {
        return hmac.mac(message);
    }
}
