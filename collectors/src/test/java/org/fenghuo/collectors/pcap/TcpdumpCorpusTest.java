package org.fenghuo.collectors.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fenghuo.testdata.SharedData;
import org.fenghuo.collectors.pcap.app.StandardProtocols;
import org.fenghuo.collectors.pcap.decode.MalformedReason;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every capture of tcpdump's own test suite (about 830, many hostile by design) through the whole
 * chain: reader, decoder, flow table. Nothing may escape as an exception, every file must end,
 * and the decoder's catch-all reason must stay at zero.
 */
class TcpdumpCorpusTest {

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void everyHostileCaptureDecodesWithoutExceptionOrHang() throws IOException {
        List<Path> files = SharedData.files(SharedData.require("captures/tcpdump-tests"), ".pcap", ".pcapng");
        long packets = 0;
        long decoded = 0;
        long malformed = 0;
        long internalErrors = 0;
        long flows = 0;
        long deadLetters = 0;
        long appEvents = 0;
        for (Path file : files) {
            List<String> analyzerFailures = new java.util.ArrayList<>();
            PcapFileDecoder decoder = new PcapFileDecoder(FlowTableConfig.defaults(), StandardProtocols.all(),
                    event -> { }, letter -> {
                        // an analyzer or the layer around it threw: a bug, whatever the input
                        if (letter.reason().contains("analyzer failure") || letter.reason().contains("app layer failure")) {
                            analyzerFailures.add(letter.reason());
                        }
                    });
            PcapFileDecoder.Result result;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                result = decoder.decode(file, in);
            }
            assertThat(result.capture().bytesRead()).as(file.toString()).isLessThanOrEqualTo(Files.size(file));
            packets += result.capture().packets();
            decoded += result.decode().decoded();
            malformed += result.decode().malformedTotal();
            internalErrors += result.decode().malformed(MalformedReason.INTERNAL_ERROR);
            flows += result.flows().created();
            deadLetters += result.deadLetters();
            appEvents += result.app().eventsTotal();
            assertThat(analyzerFailures).as("protocol analyzers that threw on " + file).isEmpty();
        }
        System.out.printf("tcpdump corpus: %d files, %d packets, %d decoded, %d malformed, %d flows, %d protocol events, "
                + "%d dead letters%n", files.size(), packets, decoded, malformed, flows, appEvents, deadLetters);
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(internalErrors).isZero();
        assertThat(decoded).isPositive();
        assertThat(flows).isPositive();
    }
}
