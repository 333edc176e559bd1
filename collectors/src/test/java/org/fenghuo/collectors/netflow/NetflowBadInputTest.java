package org.fenghuo.collectors.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.fenghuo.collectors.netflow.Exports.Bytes;
import org.fenghuo.events.DeadLetter;
import org.junit.jupiter.api.Test;

/** Every kind of bad input is counted by its reason and dead-lettered with the raw bytes. */
class NetflowBadInputTest {

    private static void assertOneDeadLetter(DecoderHarness h, NetflowErrorKind kind, byte[] raw) {
        assertThat(h.stats().malformedByKind()).containsEntry(kind, 1L);
        assertThat(h.stats().deadLettered()).isEqualTo(1);
        DeadLetter letter = h.deadLetters.get(0);
        assertThat(letter.reason()).startsWith(kind.tag() + ": ");
        assertThat(letter.input()).isEqualTo("netflow-test");
        assertThat(letter.origin()).isEqualTo("udp://192.0.2.9:50000");
        if (raw != null) {
            assertThat(Base64.getDecoder().decode(letter.rawBase64())).isEqualTo(raw);
        }
    }

    @Test
    void truncatedDatagrams() {
        byte[] v9 = Arrays.copyOf(Exports.v9(1, 1, 1, Exports.set(0, Exports.v9FlowTemplate(256))), 12);
        DecoderHarness h = new DecoderHarness().feed(v9);
        assertOneDeadLetter(h, NetflowErrorKind.TRUNCATED_DATAGRAM, v9);
        assertOneDeadLetter(new DecoderHarness().feed(new byte[] {0}), NetflowErrorKind.TRUNCATED_DATAGRAM, new byte[] {0});
        byte[] v5 = Arrays.copyOf(Exports.v5Header(0, 1, 0).array(), 20);
        assertOneDeadLetter(new DecoderHarness().feed(v5), NetflowErrorKind.TRUNCATED_DATAGRAM, v5);
    }

    @Test
    void ipfixLengthLongerThanTheDatagram() {
        byte[] message = Exports.ipfix(0, 1, Exports.set(2, new Bytes().u16(300).u16(1).u16(8).u16(4)));
        byte[] cut = Arrays.copyOf(message, message.length - 2);
        assertOneDeadLetter(new DecoderHarness().feed(cut), NetflowErrorKind.TRUNCATED_DATAGRAM, cut);
    }

    @Test
    void garbageIsAnUnsupportedVersion() {
        byte[] garbage = "<13>Nov 24 hello, this is syslog".getBytes();
        DecoderHarness h = new DecoderHarness().feed(garbage);
        assertOneDeadLetter(h, NetflowErrorKind.UNSUPPORTED_VERSION, garbage);
        assertThat(h.deadLetters.get(0).reason()).contains("version 15409");
    }

    @Test
    void aSetLengthThatLies() {
        byte[] d = Exports.v9(1, 1, 1, Exports.set(0, Exports.v9FlowTemplate(256)));
        d[20 + 2] = 0x7f; // set length 0x7f.. > datagram
        DecoderHarness h = new DecoderHarness().feed(d);
        assertOneDeadLetter(h, NetflowErrorKind.BAD_SET_LENGTH, d);
        byte[] tooShort = Exports.v9(1, 1, 1, new Bytes().u16(256).u16(2).u32(0).toBytes());
        assertOneDeadLetter(new DecoderHarness().feed(tooShort), NetflowErrorKind.BAD_SET_LENGTH, tooShort);
    }

    @Test
    void templatesWithImpossibleLengths() {
        // field count says 200 fields, the set holds 1
        byte[] overflow = Exports.v9(1, 1, 1, Exports.set(0, new Bytes().u16(256).u16(200).u16(8).u16(4)));
        assertOneDeadLetter(new DecoderHarness().feed(overflow), NetflowErrorKind.BAD_TEMPLATE, overflow);
        // every field zero-length: a record of 0 bytes would never end a set
        byte[] zero = Exports.v9(1, 1, 1, Exports.set(0, new Bytes().u16(256).u16(2).u16(8).u16(0).u16(12).u16(0)));
        assertOneDeadLetter(new DecoderHarness().feed(zero), NetflowErrorKind.BAD_TEMPLATE, zero);
        // a record longer than any set can be
        Bytes huge = new Bytes().u16(256).u16(2).u16(8).u16(65000).u16(12).u16(65000);
        byte[] tooLong = Exports.v9(1, 1, 1, Exports.set(0, huge));
        assertOneDeadLetter(new DecoderHarness().feed(tooLong), NetflowErrorKind.BAD_TEMPLATE, tooLong);
        // IPFIX enterprise bit on the last field with no room for its enterprise number
        byte[] pen = Exports.ipfix(0, 1, Exports.set(2, new Bytes().u16(300).u16(1).u16(0x8001).u16(4)));
        assertOneDeadLetter(new DecoderHarness().feed(pen), NetflowErrorKind.BAD_TEMPLATE, pen);
        // options template whose scope count exceeds its field count
        byte[] scope = Exports.ipfix(0, 1, Exports.set(3, new Bytes().u16(300).u16(1).u16(2).u16(8).u16(4)));
        assertOneDeadLetter(new DecoderHarness().feed(scope), NetflowErrorKind.BAD_TEMPLATE, scope);
    }

    @Test
    void aVariableLengthFieldRunningPastItsSet() {
        Bytes t = new Bytes().u16(300).u16(2).u16(8).u16(4).u16(82).u16(65535);
        Bytes r = new Bytes().ip(10, 0, 0, 1).u8(200).raw("short".getBytes());
        DecoderHarness h = new DecoderHarness().feed(Exports.ipfix(0, 1, Exports.set(2, t), Exports.set(300, r)));
        assertThat(h.events).isEmpty();
        assertThat(h.stats().malformedByKind()).containsEntry(NetflowErrorKind.TRUNCATED_RECORD, 1L);
        assertThat(Base64.getDecoder().decode(h.deadLetters.get(0).rawBase64())).isEqualTo(r.toBytes());
    }

    @Test
    void v5CountAboveWhatTheDatagramHolds() {
        ByteBuffer b = Exports.v5Header(2, 1, 0);
        Exports.v5Record(b, 1);
        byte[] d = Arrays.copyOf(b.array(), 24 + 48 + 10);
        DecoderHarness h = new DecoderHarness().feed(d);
        assertThat(h.events).hasSize(1); // the whole record still decodes
        assertOneDeadLetter(h, NetflowErrorKind.TRUNCATED_RECORD, d);
    }

    @Test
    void aFloodOfTemplatesIsBoundedPerExporter() {
        DecoderHarness h = new DecoderHarness(NetflowConfig.defaults().withMaxTemplatesPerExporter(4));
        byte[][] sets = new byte[10][];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = Exports.set(0, Exports.v9FlowTemplate(256 + i));
        }
        h.feed(Exports.v9(1, 1, 1, sets));
        assertThat(h.stats().templatesActive()).isEqualTo(4);
        assertThat(h.stats().malformedByKind()).containsEntry(NetflowErrorKind.TOO_MANY_TEMPLATES, 6L);
        assertThat(h.deadLetters).hasSize(1); // one per datagram, each refusal counted
        // a refresh of a known template is still accepted
        h.feed(Exports.v9(2, 1, 1, Exports.set(0, Exports.v9FlowTemplate(256))));
        assertThat(h.stats().malformedByKind()).containsEntry(NetflowErrorKind.TOO_MANY_TEMPLATES, 6L);
        // another exporter has its own budget
        h.feed("192.0.2.10", Exports.v9(1, 1, 1, sets[9]));
        assertThat(h.stats().templatesActive()).isEqualTo(5);
    }

    @Test
    void heldDataBeyondItsBoundDropsTheOldestCountedAndDeadLettered() {
        DecoderHarness h = new DecoderHarness(NetflowConfig.defaults().withPendingLimits(2, 1 << 20, 3, 1 << 20));
        byte[][] sets = new byte[3][];
        for (int i = 0; i < 3; i++) {
            sets[i] = Exports.v9FlowRecord(new Bytes(), i + 1, 100, 1).toBytes();
            h.feed(Exports.v9(i, 1, 1, Exports.set(300 + i, new Bytes().raw(sets[i]))));
        }
        assertThat(h.stats().pending()).isEqualTo(2);
        assertThat(h.stats().malformedByKind()).containsEntry(NetflowErrorKind.PENDING_OVERFLOW, 1L);
        assertThat(h.deadLetters.get(0).reason()).startsWith("pending_overflow: ").contains("template 300");
        assertThat(Base64.getDecoder().decode(h.deadLetters.get(0).rawBase64())).isEqualTo(sets[0]);
        // the total bound counts across exporters
        h.feed("192.0.2.10", Exports.v9(0, 1, 1, Exports.set(400, new Bytes().raw(sets[0]))));
        h.feed("192.0.2.11", Exports.v9(0, 1, 1, Exports.set(400, new Bytes().raw(sets[0]))));
        assertThat(h.stats().pending()).isEqualTo(3);
        assertThat(h.stats().malformedByKind()).containsEntry(NetflowErrorKind.PENDING_OVERFLOW, 2L);
    }

    @Test
    void heldDataWhoseTemplateNeverComesTimesOut() {
        NetflowConfig config = NetflowConfig.defaults().withTimeouts(Duration.ofMinutes(30), Duration.ofSeconds(10));
        DecoderHarness h = new DecoderHarness(config);
        h.feed(Exports.v9(0, 1, 1, Exports.set(300, Exports.v9FlowRecord(new Bytes(), 1, 100, 1))));
        h.later(5).feed(Exports.v9(1, 1, 1));
        assertThat(h.stats().pending()).isEqualTo(1);
        h.later(6).feed(Exports.v9(2, 1, 1));
        assertThat(h.stats().pending()).isZero();
        assertThat(h.stats().malformedByKind()).containsEntry(NetflowErrorKind.TEMPLATE_TIMEOUT, 1L);
        assertThat(h.deadLetters.get(0).reason()).startsWith("template_timeout: ");
    }

    @Test
    void dropPendingAtTheEndOfAFileDeadLettersWhatIsLeft() {
        DecoderHarness h = new DecoderHarness();
        h.feed(Exports.v9(0, 1, 1, Exports.set(300, Exports.v9FlowRecord(new Bytes(), 1, 100, 1))));
        h.decoder.dropPending("never came before the end of the capture");
        assertThat(h.stats().pending()).isZero();
        assertThat(h.deadLetters).singleElement().satisfies(d -> assertThat(d.reason())
                .contains("never came before the end of the capture"));
    }
}
