package org.fenghuo.collectors.pcap.app.iec104;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.app.TestBytes.concat;
import static org.fenghuo.collectors.pcap.app.iec104.Iec104AnalyzerTest.STARTDT_ACT;
import static org.fenghuo.collectors.pcap.app.iec104.Iec104AnalyzerTest.TESTFR_ACT;
import static org.fenghuo.collectors.pcap.app.iec104.Iec104AnalyzerTest.iFrame;

import java.util.Arrays;
import org.fenghuo.collectors.pcap.app.Direction;
import org.fenghuo.collectors.pcap.app.RecordingOutput;
import org.junit.jupiter.api.Test;

/** The analyzer driven directly: gaps, per-direction state, the garbage bound. */
class Iec104FramingTest {
    @Test
    void aGapDropsThePartialApduAndResynchronisesQuietly() {
        Iec104Analyzer a = new Iec104Analyzer();
        RecordingOutput out = new RecordingOutput();
        byte[] command = iFrame(0, 0, 45, 1, 6, 1, 100, 1);
        a.data(Direction.TO_RESPONDER, command, 0, 7, 0, out);
        a.gap(Direction.TO_RESPONDER, 300, 0, out);
        byte[] after = concat(Arrays.copyOfRange(command, 9, command.length), TESTFR_ACT);
        a.data(Direction.TO_RESPONDER, after, 0, after.length, 0, out);
        assertThat(out.actions()).containsExactly("iec104-testfr-act");
        assertThat(out.malformed).isEmpty();
    }

    @Test
    void directionsAreFramedApart() {
        Iec104Analyzer a = new Iec104Analyzer();
        RecordingOutput out = new RecordingOutput();
        a.data(Direction.TO_RESPONDER, STARTDT_ACT, 0, 3, 0, out);
        a.data(Direction.TO_INITIATOR, TESTFR_ACT, 0, 2, 0, out);
        a.data(Direction.TO_RESPONDER, STARTDT_ACT, 3, 3, 0, out);
        a.data(Direction.TO_INITIATOR, TESTFR_ACT, 2, 4, 0, out);
        assertThat(out.actions()).containsExactly("iec104-startdt-act", "iec104-testfr-act");
    }

    @Test
    void endlessGarbageIsGivenUp() {
        Iec104Analyzer a = new Iec104Analyzer();
        RecordingOutput out = new RecordingOutput();
        byte[] junk = new byte[8192];
        Arrays.fill(junk, (byte) 0x42);
        for (int i = 0; i < 20 && a.wantsMore(); i++) {
            a.data(Direction.TO_RESPONDER, junk, 0, junk.length, 0, out);
            a.data(Direction.TO_INITIATOR, junk, 0, junk.length, 0, out);
        }
        assertThat(a.wantsMore()).isFalse();
        assertThat(out.malformed).containsExactly("bad start octet", "bad start octet");
    }
}
