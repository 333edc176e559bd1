package org.fenghuo.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class HeldProtocolEventsTest {
    private static SecurityEvent event(String id) {
        return SecurityEvent.builder().timestamp(Instant.parse("2026-11-25T03:00:00Z"))
                .event(new SecurityEvent.EventInfo(id, "event", List.of("network"), List.of("protocol"), "query", null,
                        "pcap", "pcap.dns", null, null, null, null, null, null, null, null))
                .build();
    }

    @Test
    void withoutEventsNoFileIsMadeAndNothingIsCopied() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        try (HeldProtocolEvents held = new HeldProtocolEvents()) {
            held.copyTo(stdout);
            assertThat(held.file()).isNull();
        }
        assertThat(stdout.size()).isZero();
    }

    @Test
    void eventsComeBackInOrderAndTheFileGoesWhenClosed() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Path file;
        try (HeldProtocolEvents held = new HeldProtocolEvents()) {
            held.write(event("a.1"));
            held.write(event("a.2"));
            file = held.file();
            assertThat(file).exists();
            held.copyTo(stdout);
        }
        assertThat(file).doesNotExist();
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .isEqualTo(EcsJsonCodec.toJson(event("a.1")) + "\n" + EcsJsonCodec.toJson(event("a.2")) + "\n");
    }

    @Test
    void openedBeforeAnyEventTheFileExistsAndIsStillRemoved() throws Exception {
        Path file;
        try (HeldProtocolEvents held = new HeldProtocolEvents()) {
            held.open();
            file = held.file();
            assertThat(Files.exists(file)).isTrue();
            held.open(); // idempotent
            assertThat(held.file()).isEqualTo(file);
        }
        assertThat(file).doesNotExist();
    }
}
