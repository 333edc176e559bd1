package org.fenghuo.collectors.pcap.app.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.TestCapture;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class SshAnalyzerTest {
    private static final String SERVER = "SSH-2.0-OpenSSH_9.6p1 Debian-4\r\n";
    private static final String CLIENT = "SSH-2.0-PuTTY_Release_0.80\r\n";
    private static final byte[] KEX = {0, 0, 1, 0x2c, 6, 20, 1, 2, 3, 4, 5, 6, 7, 8};

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static TestCapture.Decoded decode(TestCapture cap) {
        return cap.decode(AppProtocols.of(new SshProtocol()));
    }

    /** A {@code fenghuo.ssh.<side>.<name>} value of the event's extra tree. */
    private static Object field(SecurityEvent e, String side, String name) {
        Map<?, ?> ssh = (Map<?, ?>) ((Map<?, ?>) e.extra().get("fenghuo")).get("ssh");
        Map<?, ?> s = (Map<?, ?>) ssh.get(side);
        return s == null ? null : s.get(name);
    }

    @Test
    void bothBannersGiveOneEvent() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 50000, "10.0.0.2", 22).server(ascii(SERVER)).clientInPieces(ascii(CLIENT), 1)
                .client(KEX).server(KEX).close();
        TestCapture.Decoded d = decode(cap);

        assertThat(d.protocol("ssh")).singleElement().satisfies(e -> {
            assertThat(e.event().action()).isEqualTo("ssh-banner");
            assertThat(field(e, "client", "banner")).isEqualTo("SSH-2.0-PuTTY_Release_0.80");
            assertThat(field(e, "client", "software")).isEqualTo("PuTTY_Release_0.80");
            assertThat(field(e, "client", "proto_version")).isEqualTo("2.0");
            assertThat(field(e, "server", "banner")).isEqualTo("SSH-2.0-OpenSSH_9.6p1 Debian-4");
            assertThat(field(e, "server", "software")).isEqualTo("OpenSSH_9.6p1");
            assertThat(field(e, "server", "proto_version")).isEqualTo("2.0");
        });
        assertThat(d.protocol("flow").get(0).network().protocol()).isEqualTo("ssh");
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void serverLinesBeforeItsBannerAreSkipped() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 50000, "10.0.0.2", 2222).client(ascii("SSH-1.99-libssh_0.10.6\n"))
                .server(ascii("Welcome to host\r\nAuthorised use only\r\nSSH-1.99-Cisco-1.25\r\n")).close();
        assertThat(decode(cap).protocol("ssh")).singleElement().satisfies(e -> {
            assertThat(field(e, "server", "software")).isEqualTo("Cisco-1.25");
            assertThat(field(e, "server", "proto_version")).isEqualTo("1.99");
            assertThat(field(e, "client", "software")).isEqualTo("libssh_0.10.6");
        });
    }

    @Test
    void oneBannerIsReportedAtTheEnd() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 50000, "10.0.0.2", 22).server(ascii(SERVER)).close();
        assertThat(decode(cap).protocol("ssh")).singleElement().satisfies(e -> {
            assertThat(field(e, "server", "software")).isEqualTo("OpenSSH_9.6p1");
            assertThat(((Map<?, ?>) ((Map<?, ?>) e.extra().get("fenghuo")).get("ssh")).containsKey("client")).isFalse();
        });
    }

    @Test
    void garbageIsMalformed() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 50000, "10.0.0.2", 22).client(ascii("SSH-garbage\r\n")).server(ascii(SERVER)).close();
        cap.tcp("10.0.0.1", 50001, "10.0.0.2", 22).client(ascii("SSH-" + "x".repeat(400))).server(ascii(SERVER))
                .close();
        TestCapture.Decoded d = decode(cap);

        assertThat(d.result().app().malformedByReason()).containsEntry("ssh: bad banner", 1L)
                .containsEntry("ssh: banner too long", 1L);
        // the server's banner is still reported
        assertThat(d.protocol("ssh")).hasSize(2).allSatisfy(e -> {
            assertThat(field(e, "server", "software")).isEqualTo("OpenSSH_9.6p1");
            assertThat(field(e, "client", "banner")).isNull();
        });
    }

    @Test
    void nonSshIsNotRecognised() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 50000, "10.0.0.2", 22).client(ascii("ssh-2.0-lower\r\n")).server(KEX).close();
        assertThat(decode(cap).protocol("ssh")).isEmpty();
    }
}
