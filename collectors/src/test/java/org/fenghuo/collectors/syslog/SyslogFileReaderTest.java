package org.fenghuo.collectors.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.fenghuo.collectors.input.ErrorKind;
import org.fenghuo.collectors.metrics.CollectorStats;
import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogFileReaderTest {

    @TempDir
    Path dir;

    private static final String CONTENT = "Mar 27 13:06:56 host sshd[1]: first\n"
            + "\n"
            + "<999>bad pri\n"
            + "Mar 27 13:06:58 host sshd[1]: last, without LF";

    private CollectingEventSink read(Path file, SyslogInputConfig config) throws IOException {
        CollectingEventSink sink = new CollectingEventSink();
        new SyslogFileReader(config, sink, new SimpleMeterRegistry(), SyslogGoldenTest.CLOCK).read(file);
        return sink;
    }

    @Test
    void readsLinesWithOffsetsPathAndAFinalLineWithoutLf() throws IOException {
        Path file = Files.writeString(dir.resolve("auth.log"), CONTENT);
        CollectingEventSink sink = new CollectingEventSink();
        SyslogFileReader reader = new SyslogFileReader(SyslogInputConfig.file(), sink, new SimpleMeterRegistry(),
                SyslogGoldenTest.CLOCK);

        CollectorStats stats = reader.read(file);

        List<SecurityEvent> events = sink.events();
        assertThat(events).extracting(SecurityEvent::message).containsExactly("first", "last, without LF");
        assertThat(events).extracting(e -> e.log().offset()).containsExactly(0L, 50L);
        assertThat(events).extracting(e -> e.log().filePath()).containsOnly(file.toAbsolutePath().toString());
        assertThat(events).extracting(e -> e.fenghuo().input()).containsOnly("syslog-file");
        assertThat(events).extracting(e -> e.observer().name()).containsOnly("syslog-file");
        assertThat(events.get(0).event().original()).isEqualTo("Mar 27 13:06:56 host sshd[1]: first");
        DeadLetter bad = sink.deadLetters().get(0);
        assertThat(bad.offset()).isEqualTo(37);
        assertThat(bad.origin()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(new String(Base64.getDecoder().decode(bad.rawBase64()), StandardCharsets.UTF_8)).isEqualTo("<999>bad pri");
        assertThat(stats.received()).isEqualTo(4);
        assertThat(stats.parsed()).isEqualTo(2);
        assertThat(stats.empty()).isEqualTo(1);
        assertThat(stats.malformed()).isEqualTo(1);
        assertThat(stats.malformedByKind()).containsEntry(ErrorKind.INVALID_PRI, 1L);
        assertThat(stats.deadLettered()).isEqualTo(1);
        assertThat(reader.bytesRead()).isEqualTo(CONTENT.length());
    }

    @Test
    void rereadingTheSameFileGivesTheSameEventIds() throws IOException {
        Path file = Files.writeString(dir.resolve("auth.log"), CONTENT);
        List<String> first = read(file, SyslogInputConfig.file()).events().stream().map(e -> e.event().id()).toList();
        List<String> second = read(file, SyslogInputConfig.file().withName("other-input")).events().stream()
                .map(e -> e.event().id()).toList();
        assertThat(first).hasSize(2).doesNotHaveDuplicates().isEqualTo(second);
    }

    @Test
    void theSameLineInAnotherFileOrAtAnotherOffsetGetsAnotherId() throws IOException {
        String line = "Mar 27 13:06:56 host sshd[1]: same\n";
        Path a = Files.writeString(dir.resolve("a.log"), line + line);
        Path b = Files.writeString(dir.resolve("b.log"), line);
        List<String> ids = read(a, SyslogInputConfig.file()).events().stream().map(e -> e.event().id()).toList();
        String idB = read(b, SyslogInputConfig.file()).events().get(0).event().id();
        assertThat(ids).hasSize(2).doesNotHaveDuplicates().doesNotContain(idB);
    }

    @Test
    void aFileWithoutLfBeyondTheFrameLimitIsOneBoundedDeadLetter() throws IOException {
        byte[] content = "x".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("nolf.log"), content);
        CollectingEventSink sink = read(file, SyslogInputConfig.file().withMaxFrameBytes(1024));
        assertThat(sink.events()).isEmpty();
        assertThat(sink.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.rawLength()).isEqualTo(10_000);
            assertThat(Base64.getDecoder().decode(d.rawBase64())).hasSize(1024);
            assertThat(d.reason()).contains("exceeds the maximum frame size of 1024 bytes");
        });
    }

    @Test
    void anEmptyFileGivesNothing() throws IOException {
        Path file = Files.write(dir.resolve("empty.log"), new byte[0]);
        CollectingEventSink sink = read(file, SyslogInputConfig.file());
        assertThat(sink.events()).isEmpty();
        assertThat(sink.deadLetters()).isEmpty();
    }

    @Test
    void aMissingFileIsAnIoErrorNamingIt() {
        Path missing = dir.resolve("missing.log");
        assertThatThrownBy(() -> read(missing, SyslogInputConfig.file()))
                .isInstanceOf(IOException.class).hasMessageContaining("missing.log");
    }
}
