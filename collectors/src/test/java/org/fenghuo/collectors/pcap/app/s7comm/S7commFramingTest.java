package org.fenghuo.collectors.pcap.app.s7comm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.app.TestBytes.concat;
import static org.fenghuo.collectors.pcap.app.s7comm.S7Frames.*;

import java.util.Arrays;
import org.fenghuo.collectors.pcap.app.AppEvent;
import org.fenghuo.collectors.pcap.app.Direction;
import org.fenghuo.collectors.pcap.app.RecordingOutput;
import org.junit.jupiter.api.Test;

/** The analyzer driven directly: gaps, the pairing and reassembly bounds, the garbage bound. */
class S7commFramingTest {
    private static void send(S7commAnalyzer a, Direction d, byte[] b, RecordingOutput out) {
        a.data(d, b, 0, b.length, 0, out);
    }

    @Test
    void aGapDropsThePartialTpktAndResynchronisesQuietly() {
        S7commAnalyzer a = new S7commAnalyzer();
        RecordingOutput out = new RecordingOutput();
        byte[] read = readVar(1, 0x84, 1, 0);
        a.data(Direction.TO_RESPONDER, read, 0, 10, 0, out);
        a.gap(Direction.TO_RESPONDER, 100, 0, out);
        byte[] after = concat(Arrays.copyOfRange(read, 20, read.length), writeVar(2, 0x84, 1, 0));
        send(a, Direction.TO_RESPONDER, after, out);
        a.end(0, out);
        assertThat(out.events).extracting(AppEvent::action).containsExactly("s7comm-write-var");
        assertThat(out.malformed).isEmpty();
    }

    @Test
    void tooManyUnansweredRequestsAreReportedOldestFirst() {
        S7commAnalyzer a = new S7commAnalyzer();
        RecordingOutput out = new RecordingOutput();
        int requests = S7commAnalyzer.MAX_PENDING + 6;
        for (int ref = 0; ref < requests; ref++) {
            send(a, Direction.TO_RESPONDER, readVar(ref, 0x84, 1, ref), out);
        }
        assertThat(out.events).hasSize(6);
        send(a, Direction.TO_INITIATOR, readVarAck(requests - 1, 0xFF), out);
        assertThat(out.events.get(6).outcome()).isEqualTo("success");
        a.end(0, out);
        assertThat(out.events).hasSize(requests);
        assertThat(out.events).extracting(e -> e.ics().address()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.range(0, requests).boxed().toList());
    }

    @Test
    void cotpReassemblyIsBounded() {
        S7commAnalyzer a = new S7commAnalyzer();
        RecordingOutput out = new RecordingOutput();
        send(a, Direction.TO_RESPONDER, setupJob(0), out);
        byte[] fragment = dt(new byte[60000], false);
        for (int i = 0; i < 3; i++) {
            send(a, Direction.TO_RESPONDER, fragment, out);
        }
        send(a, Direction.TO_RESPONDER, dt(new byte[10], true), out);
        send(a, Direction.TO_RESPONDER, writeVar(1, 0x84, 1, 0), out);
        a.end(0, out);
        assertThat(out.malformed).containsExactly("cotp reassembly too long");
        assertThat(out.events).extracting(AppEvent::action).containsExactly("s7comm-setup-communication",
                "s7comm-write-var");
    }

    @Test
    void endlessGarbageIsGivenUp() {
        S7commAnalyzer a = new S7commAnalyzer();
        RecordingOutput out = new RecordingOutput();
        send(a, Direction.TO_RESPONDER, setupJob(0), out);
        byte[] junk = new byte[8192];
        Arrays.fill(junk, (byte) 0x42);
        for (int i = 0; i < 20 && a.wantsMore(); i++) {
            send(a, Direction.TO_RESPONDER, junk, out);
            send(a, Direction.TO_INITIATOR, junk, out);
        }
        assertThat(a.wantsMore()).isFalse();
        assertThat(out.malformed).containsExactly("bad tpkt version", "bad tpkt version");
    }
}
