package org.fenghuo.collectors.pcap.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpStreamTest {
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;

    /** Collects delivered bytes, writing {@code [gap N]} where a hole was skipped. */
    private static final class Collect implements TcpStream.Receiver {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<Long> gaps = new ArrayList<>();

        @Override
        public void bytes(byte[] data, int off, int len, long ts) {
            out.write(data, off, len);
        }

        @Override
        public void gap(long missing, long ts) {
            gaps.add(missing);
            out.writeBytes(("[gap " + missing + "]").getBytes(StandardCharsets.US_ASCII));
        }

        String text() {
            return out.toString(StandardCharsets.US_ASCII);
        }
    }

    private static void send(TcpStream s, long seq, int flags, String payload, Collect to) {
        byte[] b = payload.getBytes(StandardCharsets.US_ASCII);
        s.segment(seq & 0xFFFF_FFFFL, flags, b, 0, b.length, b.length, 0, to);
    }

    @Test
    void inOrderAfterSyn() {
        TcpStream s = new TcpStream(1024);
        Collect c = new Collect();
        send(s, 1000, SYN, "", c);
        send(s, 1001, ACK, "hello ", c);
        send(s, 1007, ACK, "world", c);
        assertThat(c.text()).isEqualTo("hello world");
    }

    @Test
    void outOfOrderSegmentsAreHeldAndDeliveredOnce() {
        TcpStream s = new TcpStream(1024);
        Collect c = new Collect();
        send(s, 1000, SYN, "", c);
        send(s, 1007, ACK, "world", c);
        assertThat(c.text()).isEmpty();
        send(s, 1001, ACK, "hello ", c);
        send(s, 1001, ACK, "hello ", c); // retransmission
        send(s, 1004, ACK, "lo wo", c); // overlap
        assertThat(c.text()).isEqualTo("hello world");
        assertThat(c.gaps).isEmpty();
    }

    @Test
    void sequenceNumbersWrapAround() {
        TcpStream s = new TcpStream(1024);
        Collect c = new Collect();
        send(s, 0xFFFF_FFFEL, SYN, "", c);
        send(s, 0xFFFF_FFFFL, ACK, "ab", c);
        send(s, 1, ACK, "cd", c);
        assertThat(c.text()).isEqualTo("abcd");
    }

    @Test
    void midstreamStartsAtTheFirstSegmentSeen() {
        TcpStream s = new TcpStream(1024);
        Collect c = new Collect();
        send(s, 5000, ACK, "GET / HTTP/1.1\r\n", c);
        assertThat(c.text()).isEqualTo("GET / HTTP/1.1\r\n");
    }

    @Test
    void aHoleBeyondTheBudgetIsSkippedAsAGap() {
        TcpStream s = new TcpStream(8);
        Collect c = new Collect();
        send(s, 0, SYN, "", c);
        send(s, 1, ACK, "aa", c);
        send(s, 13, ACK, "ccccc", c);
        send(s, 18, ACK, "ddddd", c); // held bytes now exceed 8: skip the hole at 3..12
        assertThat(c.text()).isEqualTo("aa[gap 10]cccccddddd");
        assertThat(s.gapBytes()).isEqualTo(10);
    }

    @Test
    void finishReportsTheHoleAndDeliversWhatIsHeld() {
        TcpStream s = new TcpStream(1024);
        Collect c = new Collect();
        send(s, 0, SYN, "", c);
        send(s, 1, ACK, "a", c);
        send(s, 5, ACK, "e", c);
        s.finish(0, c);
        assertThat(c.text()).isEqualTo("a[gap 3]e");
    }

    @Test
    void bytesCutByTheSnapLengthAreAGap() {
        TcpStream s = new TcpStream(1024);
        Collect c = new Collect();
        send(s, 0, SYN, "", c);
        byte[] b = "abcd".getBytes(StandardCharsets.US_ASCII);
        s.segment(1, ACK, b, 0, 2, 4, 0, c); // 4 bytes on the wire, 2 captured
        send(s, 5, ACK, "ef", c);
        assertThat(c.text()).isEqualTo("ab[gap 2]ef");
    }

    @Test
    void aSegmentHalfTheSequenceSpaceAwayIsDiscardedNotDelivered() {
        TcpStream s = new TcpStream(1024);
        Collect c = new Collect();
        send(s, 1000, SYN, "", c);
        send(s, 1001L + (1L << 31), ACK, "forged bytes", c);
        send(s, 1001, ACK, "real", c);
        assertThat(c.text()).isEqualTo("real");
        assertThat(s.discarded()).isEqualTo(1);
    }

    @Test
    void aNewSynOnAnOpenStreamStartsItOver() {
        TcpStream s = new TcpStream(1024);
        Collect c = new Collect();
        send(s, 1000, SYN, "", c);
        send(s, 1001, ACK, "old ", c);
        send(s, 1010, ACK, "held", c); // behind a hole
        send(s, 900_000, SYN, "", c);
        send(s, 900_001, ACK, "new", c);
        assertThat(c.text()).isEqualTo("old [gap 5]heldnew");
    }

    @Test
    void heldSegmentsAreBoundedInNumberNotOnlyInBytes() {
        TcpStream s = new TcpStream(1 << 30);
        Collect c = new Collect();
        send(s, 0, SYN, "", c);
        for (int i = 0; i < 3 * TcpStream.MAX_HELD_SEGMENTS; i++) {
            send(s, 10 + 2L * i, ACK, "x", c); // one byte each, every other byte missing
        }
        assertThat(c.gaps).isNotEmpty();
        assertThat(c.text()).startsWith("[gap 9]x[gap 1]x");
    }

    @Test
    void whenTheCapturesBudgetIsSpentAStreamStopsWaitingForItsHole() {
        HeldBudget budget = new HeldBudget(100); // one held segment with its overhead fits, two do not
        TcpStream first = new TcpStream(1 << 20, budget);
        TcpStream second = new TcpStream(1 << 20, budget);
        Collect a = new Collect();
        Collect b = new Collect();
        send(first, 0, SYN, "", a);
        send(second, 0, SYN, "", b);
        send(first, 11, ACK, "held", a); // held: 10 bytes missing before it
        send(second, 21, ACK, "late", b); // no budget left: the hole is skipped at once
        assertThat(a.text()).isEmpty();
        assertThat(b.text()).isEqualTo("[gap 20]late");
        first.release();
        assertThat(budget.used()).isZero();
    }

    @Test
    void aBogusAnchorIsAbandonedWhenTheRealStreamKeepsComingElsewhere() {
        TcpStream s = new TcpStream(1024);
        Collect c = new Collect();
        send(s, 3_000_000_000L, ACK, "stray", c); // midstream start on a forged segment
        long seq = 1000;
        for (int i = 0; i < TcpStream.RESYNC_AFTER + 2; i++) {
            send(s, seq, ACK, "d" + i, c);
            seq += 2;
        }
        assertThat(c.text()).startsWith("stray[gap ").endsWith("d7d8d9");
        assertThat(s.discarded()).isEqualTo(TcpStream.RESYNC_AFTER - 1);
    }
}
