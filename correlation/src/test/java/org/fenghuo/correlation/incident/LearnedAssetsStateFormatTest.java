package org.fenghuo.correlation.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fenghuo.correlation.incident.TestAlerts.T0;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LearnedAssetsStateFormatTest {

    @Test
    void randomStatesRoundTripExactlyToTheNanosecond() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            LearnedAssetsState state = randomState(random, random.nextInt(30));

            assertThat(LearnedAssetsStateFormat.decode(LearnedAssetsStateFormat.encode(state))).isEqualTo(state);
        }
    }

    @Test
    void extremeTimesAndAnEmptyStateRoundTrip() {
        Instant far = Instant.parse("+1000000000-12-31T23:59:59.999999999Z");
        Instant old = Instant.parse("-1000000000-01-01T00:00:00Z");
        // no 64 KB string limit (writeUTF's) that would fail every checkpoint
        SortedMap<String, Instant> ics = new TreeMap<>(Map.of("modbus", old, "p".repeat(70_000), T0));
        SortedMap<Integer, Instant> admin = new TreeMap<>(Map.of(22, far, -1, T0));
        LearnedHost host = new LearnedHost(new LearnedAsset("fd00::1", far, ics, admin, old, far, old), old,
                Map.of("10.0.0.1", far, "10.0.0.2", old));
        LearnedAssetsState state = new LearnedAssetsState(List.of(host), far,
                new LearnedAssetsCounters(Long.MAX_VALUE, 0, 1, 2, 3));
        LearnedAssetsState empty = new LearnedAssetsState(List.of(), null, LearnedAssetsCounters.ZERO);

        assertThat(LearnedAssetsStateFormat.decode(LearnedAssetsStateFormat.encode(state))).isEqualTo(state);
        assertThat(LearnedAssetsStateFormat.decode(LearnedAssetsStateFormat.encode(empty))).isEqualTo(empty);
    }

    @Test
    void aStateCheckpointedAsJsonBeforeThisFormatStillRestores() {
        LearnedAssets l = new LearnedAssets(LearnedAssetSettings.defaults(), null);
        l.observe(LearnedAssetsTest.flow(T0, "10.5.0.20", "10.5.0.10", 502, 100));
        l.observe(LearnedAssetsTest.flow(T0.plusNanos(1_500), "10.5.0.21", "10.5.0.11", 22, 100));
        l.advanceWatermark(T0);
        LearnedAssetsState state = l.snapshot();

        assertThat(LearnedAssetsStateFormat.decode(IncidentStateCodec.encode(state))).isEqualTo(state);
    }

    @Test
    void aHostWithManyClientsTakesLessThanHalfItsJsonSize() {
        LearnedAssetsState state = randomState(new Random(3), 1);
        Map<String, Instant> clients = new LinkedHashMap<>();
        for (int c = 0; c < 20; c++) {
            clients.put("192.168.1." + c, T0.plusMillis(c * 37L).plusNanos(123_456));
        }
        LearnedHost host = state.hosts().get(0);
        state = new LearnedAssetsState(List.of(new LearnedHost(host.learned(), host.lastSeen(), clients)),
                state.watermark(), state.counters());

        assertThat(LearnedAssetsStateFormat.encode(state).length).isLessThan(IncidentStateCodec.encode(state).length / 2);
    }

    @Test
    void bytesThatAreNotAStateAreRefusedNamingTheFormat() {
        byte[] good = LearnedAssetsStateFormat.encode(randomState(new Random(5), 3));

        assertThatThrownBy(() -> LearnedAssetsStateFormat.decode(new byte[] {9, 0}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown format 9, expected 1");
        assertThatThrownBy(() -> LearnedAssetsStateFormat.decode(new byte[0]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown format (empty)");
        assertThatThrownBy(() -> LearnedAssetsStateFormat.decode(Arrays.copyOf(good, good.length - 3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("format 1").hasMessageContaining("EOF");
        // a string length that decodes negative (ten varint bytes)
        byte[] negative = new byte[] {1, 0, 0, 0, 0, 0, 0, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01};
        assertThatThrownBy(() -> LearnedAssetsStateFormat.decode(negative))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("format 1");
        byte[] longer = Arrays.copyOf(good, good.length + 2);
        assertThatThrownBy(() -> LearnedAssetsStateFormat.decode(longer))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 bytes after the last host");
    }

    private static LearnedAssetsState randomState(Random random, int hosts) {
        List<LearnedHost> list = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            Instant since = time(random);
            SortedMap<String, Instant> ics = new TreeMap<>();
            for (String p : List.of("modbus", "dnp3", "s7comm", "iec104")) {
                if (random.nextInt(3) == 0) {
                    ics.put(p, later(random, since));
                }
            }
            SortedMap<Integer, Instant> admin = new TreeMap<>();
            for (int port : List.of(22, 3389, 5900)) {
                if (random.nextInt(3) == 0) {
                    admin.put(port, later(random, since));
                }
            }
            Map<String, Instant> clients = new LinkedHashMap<>();
            for (int c = random.nextInt(25); c > 0; c--) {
                clients.put(random.nextBoolean() ? "10.9." + random.nextInt(256) + "." + random.nextInt(256)
                        : "fd00::" + Integer.toHexString(random.nextInt(65536)), later(random, since));
            }
            String ip = random.nextBoolean() ? "10.1." + (i / 256) + "." + (i % 256) : "fd00:1::" + Integer.toHexString(i);
            list.add(new LearnedHost(new LearnedAsset(ip, since, ics, admin, maybe(random, since), maybe(random, since),
                    maybe(random, since)), later(random, since), clients));
        }
        return new LearnedAssetsState(list, random.nextBoolean() ? null : time(random),
                new LearnedAssetsCounters(random.nextInt(1_000_000), random.nextInt(1000), random.nextInt(10),
                        random.nextInt(10), random.nextInt(10)));
    }

    private static Instant time(Random random) {
        return T0.plusSeconds(random.nextInt(86_400 * 30)).plusNanos(random.nextInt(1_000_000_000));
    }

    private static Instant later(Random random, Instant since) {
        return since.plusSeconds(random.nextInt(86_400 * 10) - 3_600).plusNanos(random.nextInt(1_000_000_000));
    }

    private static Instant maybe(Random random, Instant since) {
        return random.nextInt(3) == 0 ? null : later(random, since);
    }
}
