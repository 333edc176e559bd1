package org.fenghuo.detection.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadableIndicatorsTest {
    private static final long ANY = IndicatorIndex.ANY_TIME;

    private static int lookup(ReloadableIndicators r, String ip) {
        return r.get().ipv4(IpAddresses.parseIpv4(ip), ANY);
    }

    @Test
    void reloadSwapsInTheNewIndexAndReportsEachSource(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("block.txt");
        Files.writeString(list, "192.0.2.1\n");
        ReloadableIndicators r = new ReloadableIndicators(List.of(IndicatorSource.list("block", list)));
        assertThat(r.get().size()).isZero();
        ReloadableIndicators.Reload first = r.reload();
        assertThat(first.swapped()).isTrue();
        assertThat(first.reports()).singleElement().satisfies(rep -> assertThat(rep.loaded()).isEqualTo(1));
        IndicatorIndex before = r.get();

        Files.writeString(list, "192.0.2.2\nbroken line\n");
        ReloadableIndicators.Reload second = r.reload();
        assertThat(second.swapped()).isTrue();
        assertThat(second.reports().get(0).broken()).isEqualTo(1);
        assertThat(lookup(r, "192.0.2.1")).isEqualTo(-1);
        assertThat(lookup(r, "192.0.2.2")).isNotEqualTo(-1);
        // a reader holding the old index still sees the old, complete content
        assertThat(before.ipv4(IpAddresses.parseIpv4("192.0.2.1"), ANY)).isNotEqualTo(-1);
        assertThat(r.snapshot().reports()).isEqualTo(second.reports());
    }

    @Test
    void failedReloadKeepsTheOldIndex(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("block.txt");
        Files.writeString(list, "192.0.2.1\n");
        AtomicBoolean explode = new AtomicBoolean();
        IndicatorSource flaky = IndicatorSource.of("flaky", () -> {
            if (explode.get()) {
                throw new IllegalStateException("feed server down");
            }
            return IndicatorListLoader.load(list, "flaky");
        });
        ReloadableIndicators r = new ReloadableIndicators(List.of(IndicatorSource.list("block", list), flaky));
        assertThat(r.reload().swapped()).isTrue();
        IndicatorIndex good = r.get();

        explode.set(true);
        ReloadableIndicators.Reload thrown = r.reload();
        assertThat(thrown.swapped()).isFalse();
        assertThat(thrown.failure()).contains("feed server down").contains("keeping the previous index");
        assertThat(r.get()).isSameAs(good);

        explode.set(false);
        Files.delete(list);
        ReloadableIndicators.Reload missing = r.reload();
        assertThat(missing.swapped()).isFalse();
        assertThat(missing.failure()).startsWith("block could not be read");
        assertThat(missing.reports()).hasSize(2);
        assertThat(r.get()).isSameAs(good);
        assertThat(lookup(r, "192.0.2.1")).isNotEqualTo(-1);
    }

    @Test
    void aSourceThatDropsToNothingKeepsTheOldIndex(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("block.txt");
        Path quiet = dir.resolve("quiet.txt");
        Files.writeString(list, "192.0.2.1\n192.0.2.2\n");
        Files.writeString(quiet, "# nothing listed today\n");
        ReloadableIndicators r = new ReloadableIndicators(
                List.of(IndicatorSource.list("quiet", quiet), IndicatorSource.list("block", list)));
        assertThat(r.reload().swapped()).isTrue();
        IndicatorIndex good = r.get();

        // a source that had no indicators may stay empty
        assertThat(r.reload().swapped()).isTrue();
        good = r.get();

        Files.writeString(list, "");
        ReloadableIndicators.Reload truncated = r.reload();
        assertThat(truncated.swapped()).isFalse();
        assertThat(truncated.failure())
                .isEqualTo("block loaded no indicator (2 before): keeping the previous index");
        assertThat(truncated.reports()).extracting(LoadReport::loaded).containsExactly(0, 0);
        assertThat(r.get()).isSameAs(good);
        assertThat(lookup(r, "192.0.2.2")).isNotEqualTo(-1);

        // compared with the last index in use, so it stays refused until the feed comes back
        assertThat(r.reload().swapped()).isFalse();
        Files.writeString(list, "<html><body>Service Unavailable</body></html>\n");
        ReloadableIndicators.Reload html = r.reload();
        assertThat(html.swapped()).isFalse();
        assertThat(html.failure()).startsWith("block could not be read").contains("no usable line");
        assertThat(r.get()).isSameAs(good);

        Files.writeString(list, "192.0.2.3\n");
        assertThat(r.reload().swapped()).isTrue();
        assertThat(lookup(r, "192.0.2.3")).isNotEqualTo(-1);
        assertThat(lookup(r, "192.0.2.1")).isEqualTo(-1);
    }

    @Test
    void readersNeverSeeAHalfBuiltIndex() throws Exception {
        // two lists of equal size alternate; a reader must always find exactly one of the two sets whole
        int n = 20_000;
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            a.append("10.0.").append(i / 256).append('.').append(i % 256).append('\n');
            b.append("10.1.").append(i / 256).append('.').append(i % 256).append('\n');
        }
        AtomicBoolean useA = new AtomicBoolean(true);
        IndicatorSource alternating = IndicatorSource.of("alt", () -> IndicatorListLoader.load(
                new java.io.StringReader(useA.get() ? a.toString() : b.toString()), "alt.txt", "alt"));
        ReloadableIndicators r = new ReloadableIndicators(List.of(alternating));
        r.reload();
        AtomicBoolean stop = new AtomicBoolean();
        int[] inconsistent = new int[1];
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                IndicatorIndex index = r.get();
                boolean first = index.ipv4(IpAddresses.parseIpv4("10.0.0.0"), ANY) >= 0;
                boolean last = index.ipv4(IpAddresses.parseIpv4(first ? "10.0.78.31" : "10.1.78.31"), ANY) >= 0;
                if (index.size() != n || !last) {
                    inconsistent[0]++;
                }
            }
        });
        reader.start();
        for (int i = 0; i < 10; i++) {
            useA.set(i % 2 == 1);
            assertThat(r.reload().swapped()).isTrue();
        }
        stop.set(true);
        reader.join();
        assertThat(inconsistent[0]).isZero();
        assertThat(r.get().ipv4(IpAddresses.parseIpv4("10.0.0.0"), ANY)).isNotEqualTo(-1);
    }
}
