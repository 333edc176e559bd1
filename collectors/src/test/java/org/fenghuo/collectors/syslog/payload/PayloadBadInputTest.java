package org.fenghuo.collectors.syslog.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.metrics.CollectorStats;
import org.fenghuo.collectors.syslog.SyslogFileReader;
import org.fenghuo.collectors.syslog.SyslogInputConfig;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input through the file reader with the default payload rules: counted, bounded, never a crash. */
class PayloadBadInputTest {

    private static final String ALPHABET = "=|,;\"\\{}[]()%:/ x1.\t";

    @TempDir
    Path dir;

    private final List<SecurityEvent> events = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final EventSink sink = EventSink.of(events::add, deadLetters::add);

    private SyslogFileReader reader() {
        return new SyslogFileReader(SyslogInputConfig.file(), sink, new SimpleMeterRegistry(), PayloadHarness.CLOCK,
                PayloadRules.defaults());
    }

    @Test
    void tenMegabyteLineIsOneBoundedDeadLetterAndTheNextLineParses() throws IOException {
        Path file = dir.resolve("big.log");
        byte[] big = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        System.arraycopy("<13>1 2026-11-24T01:00:00Z h app - - - CEF:0|".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 44);
        try (var out = Files.newOutputStream(file)) {
            out.write(big);
            out.write("\n<13>1 2026-11-24T01:00:01Z h app - - - a=1 b=2\n".getBytes(StandardCharsets.US_ASCII));
        }
        SyslogFileReader reader = reader();
        CollectorStats stats = reader.read(file);
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).reason()).containsIgnoringCase("frame");
        assertThat(events).hasSize(1);
        assertThat(reader.payloadStats().parsed()).containsEntry("kv", 1L);
        assertThat(stats.deadLettered()).isEqualTo(1);
    }

    @Test
    void invalidUtf8AndBinaryGarbageAreDeadLetteredNotParsed() throws IOException {
        Path file = dir.resolve("garbage.log");
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            if (garbage[i] == '\n') {
                garbage[i] = 0x01;
            }
        }
        try (var out = Files.newOutputStream(file)) {
            out.write("<13>1 2026-11-24T01:00:00Z h app - - - CEF:0|V|P|1|id|n\u00e9|5|src=".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
            out.write(garbage);
            out.write('\n');
            out.write("<13>1 2026-11-24T01:00:00Z h app - - - CEF:0|V|P|1|id|ok|5|src=10.0.0.1\n".getBytes(StandardCharsets.UTF_8));
        }
        SyslogFileReader reader = reader();
        CollectorStats stats = reader.read(file);
        assertThat(events).hasSize(1);
        assertThat(reader.payloadStats().parsed()).containsEntry("cef", 1L);
        assertThat(stats.deadLettered()).isEqualTo(2);
        assertThat(deadLetters).extracting(DeadLetter::reason).anyMatch(r -> r.toLowerCase().contains("utf-8"));
    }

    @Test
    void everyParserSurvivesRandomText() {
        PayloadParserRegistry registry = PayloadParserRegistry.standard();
        Random random = new Random(42);
        String[] prefixes = {"CEF:0|", "LEEF:2.0|", "{", "%ASA-6-302013: ", "logid=1 devid=x ", "1,2,3,TRAFFIC,",
            "%%01POLICY/6/POLICYDENY(l):", "%%10FILTER/6/X: ", "a=1 b="};
        int parsed = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder s = new StringBuilder(prefixes[round % prefixes.length]);
            int len = random.nextInt(200);
            for (int i = 0; i < len; i++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            for (String name : registry.names()) {
                PayloadResult r = registry.require(name, "test").parse(new PayloadInput("h", null, s.toString()));
                assertThat(r).as("%s on %s", name, s).isNotNull();
                if (r instanceof PayloadResult.Parsed) {
                    parsed++;
                }
            }
        }
        assertThat(parsed).isPositive();
    }
}
