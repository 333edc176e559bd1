package org.fenghuo.collectors.pcap.app.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsTcpFramerTest {
    private final DnsTcpFramer framer = new DnsTcpFramer();
    private final List<byte[]> messages = new ArrayList<>();

    private void feed(byte[] b, int from, int to) {
        framer.data(b, from, to - from, 0, (d, off, len, ts) -> messages.add(Arrays.copyOfRange(d, off, off + len)));
    }

    private static byte[] stream(byte[]... messages) {
        DnsWire w = new DnsWire();
        for (byte[] m : messages) {
            w.raw(DnsWire.tcp(m));
        }
        return w.bytes();
    }

    @Test
    void framesByteByByteAndAllAtOnceAlike() {
        byte[] a = {1, 2, 3};
        byte[] b = new byte[300];
        byte[] s = stream(a, b, new byte[0], a);
        for (int i = 0; i < s.length; i++) {
            feed(s, i, i + 1);
        }
        assertThat(messages).hasSize(4);
        assertThat(messages.get(1)).isEqualTo(b);
        assertThat(messages.get(2)).isEmpty();
        messages.clear();
        feed(s, 0, s.length);
        assertThat(messages).hasSize(4);
        assertThat(messages.get(3)).isEqualTo(a);
        assertThat(framer.partial()).isFalse();
    }

    @Test
    void aGapInsideAMessageDropsItAndFramingGoesOnAfterIt() {
        byte[] s = stream(new byte[20], new byte[] {7, 7});
        feed(s, 0, 10);
        assertThat(framer.gap(5)).isTrue();
        feed(s, 15, s.length);
        assertThat(messages).singleElement().isEqualTo(new byte[] {7, 7});
        assertThat(framer.lost()).isFalse();
    }

    @Test
    void afterAGapThatMayHoldALengthPrefixFramingResumesOnlyAtAPlausibleMessage() {
        byte[] q = DnsWire.query(2, "www.example.com", 1);
        byte[] s = stream(new byte[20], new byte[] {7, 7}, q);
        feed(s, 0, 10);
        assertThat(framer.gap(16)).isTrue();
        feed(s, 26, s.length);
        assertThat(messages).singleElement().isEqualTo(q);
        assertThat(framer.lost()).isFalse();
    }

    @Test
    void afterAGapAtAMessageBoundaryBytesThatDoNotLookLikeAMessageStopTheDirection() {
        byte[] s = stream(new byte[] {1}, new byte[] {2}, new byte[] {3});
        feed(s, 0, 3);
        assertThat(framer.gap(3)).isTrue();
        feed(s, 6, s.length);
        assertThat(messages).hasSize(1);
        assertThat(framer.lost()).isTrue();
        assertThat(framer.gap(1)).isFalse();
    }

    @Test
    void holdsAtMostOneMessageOfAtMost65535Bytes() {
        byte[] big = new byte[65535];
        byte[] s = stream(big, big);
        for (int i = 0; i < s.length; i += 1000) {
            feed(s, i, Math.min(s.length, i + 1000));
        }
        assertThat(messages).hasSize(2).allSatisfy(m -> assertThat(m).hasSize(65535));
        feed(s, 0, 100);
        assertThat(framer.partial()).isTrue();
        assertThat(framer.held()).hasSize(98);
    }
}
