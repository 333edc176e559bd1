package org.fenghuo.bench.netflow;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.netflow.NetflowConfig;
import org.fenghuo.collectors.netflow.NetflowDecoder;
import org.fenghuo.collectors.netflow.NetflowMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * NetFlow v9 and IPFIX decoding into ECS {@code SecurityEvent}s, flow records per second on one
 * thread (one core): the datagram's id digest, the record walk, the ECS mapping with the unmapped
 * fields under {@code fenghuo.netflow}, the counters. Each datagram carries {@value #RECORDS}
 * records of an 18-field router template (IPv4 5-tuple, ToS, TCP flags, bytes, packets, start and
 * end, interfaces, AS numbers, masks, next hop), 45 bytes each in v9 and 53 in IPFIX (absolute
 * millisecond times): a 1,370-byte and a 1,610-byte datagram, the size exporters send.
 *
 * <pre>{@code
 * ./mvnw -B -o -q -pl collectors,bench compile
 * java -cp bench/target/classes:$(cat bench/target/cp.txt) org.openjdk.jmh.Main NetflowDecodeBenchmark
 * }</pre>
 * (see bench/README.md, "NetFlow/IPFIX decode", for the classpath step).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class NetflowDecodeBenchmark {
    static final int RECORDS = 30;
    private static final long EXPORT_SECONDS = 1_704_067_200L;
    /** IANA element, length: the template both versions use (IPFIX replaces 22/21 by 152/153). */
    private static final int[][] FIELDS = {{8, 4}, {12, 4}, {7, 2}, {11, 2}, {4, 1}, {5, 1}, {6, 1}, {1, 4}, {2, 4},
            {22, 4}, {21, 4}, {10, 2}, {14, 2}, {16, 2}, {17, 2}, {9, 1}, {13, 1}, {15, 4}};

    private NetflowDecoder decoder;
    private byte[] v9;
    private byte[] ipfix;
    private final Instant now = Instant.ofEpochSecond(EXPORT_SECONDS);
    private Blackhole sink;

    @Setup
    public void setUp(Blackhole blackhole) {
        sink = blackhole;
        decoder = new NetflowDecoder(NetflowConfig.defaults(), "bench", EventSink.of(e -> sink.consume(e), d -> {
            throw new IllegalStateException("unexpected dead letter: " + d.reason());
        }), NetflowMetrics.forInput(new SimpleMeterRegistry(), "bench"));
        byte[] v9Template = v9(0, template(false));
        byte[] ipfixTemplate = ipfix(0, template(true));
        decoder.decode(v9Template, 0, v9Template.length, "192.0.2.1", "bench", now);
        decoder.decode(ipfixTemplate, 0, ipfixTemplate.length, "192.0.2.1", "bench", now);
        v9 = v9(1, data(false));
        ipfix = ipfix(1, data(true));
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void v9() {
        decoder.decode(v9, 0, v9.length, "192.0.2.1", "bench", now);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void ipfix() {
        decoder.decode(ipfix, 0, ipfix.length, "192.0.2.1", "bench", now);
    }

    /** The v9 datagram: template set, then the data datagram. */
    static byte[][] v9Datagrams() {
        return new byte[][] {v9(0, template(false)), v9(1, data(false))};
    }

    /** The IPFIX messages: template set, then the data message. */
    static byte[][] ipfixDatagrams() {
        return new byte[][] {ipfix(0, template(true)), ipfix(1, data(true))};
    }

    private static byte[] template(boolean ipfix) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * FIELDS.length);
        b.putShort((short) (ipfix ? 2 : 0)).putShort((short) b.capacity()).putShort((short) 256)
                .putShort((short) FIELDS.length);
        for (int[] f : FIELDS) {
            boolean time = ipfix && (f[0] == 22 || f[0] == 21);
            b.putShort((short) (time ? (f[0] == 22 ? 152 : 153) : f[0])).putShort((short) (time ? 8 : f[1]));
        }
        return b.array();
    }

    private static byte[] data(boolean ipfix) {
        int recordLength = ipfix ? 53 : 45;
        ByteBuffer b = ByteBuffer.allocate(4 + RECORDS * recordLength);
        b.putShort((short) 256).putShort((short) b.capacity());
        for (int r = 0; r < RECORDS; r++) {
            b.put(new byte[] {10, 0, (byte) (r >> 8), (byte) r}).put(new byte[] {(byte) 192, (byte) 168, 1, (byte) r})
                    .putShort((short) (40000 + r)).putShort((short) 443).put((byte) 6).put((byte) 0).put((byte) 0x1b)
                    .putInt(1500 * (r + 1)).putInt(r + 3);
            if (ipfix) {
                b.putLong(EXPORT_SECONDS * 1000 - 5000 + r).putLong(EXPORT_SECONDS * 1000 - 100);
            } else {
                b.putInt(3_595_000 + r).putInt(3_599_900);
            }
            b.putShort((short) 3).putShort((short) 7).putShort((short) 64512).putShort((short) 4134).put((byte) 24)
                    .put((byte) 24).put(new byte[] {10, 0, 0, (byte) 254});
        }
        return b.array();
    }

    private static byte[] v9(int sequence, byte[] set) {
        return ByteBuffer.allocate(20 + set.length).putShort((short) 9).putShort((short) 1).putInt(3_600_000)
                .putInt((int) EXPORT_SECONDS).putInt(sequence).putInt(0).put(set).array();
    }

    private static byte[] ipfix(int sequence, byte[] set) {
        return ByteBuffer.allocate(16 + set.length).putShort((short) 10).putShort((short) (16 + set.length))
                .putInt((int) EXPORT_SECONDS).putInt(sequence).putInt(0).put(set).array();
    }
}
