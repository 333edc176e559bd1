package org.fenghuo.collectors.pcap.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fenghuo.collectors.pcap.live.LiveCaptureException.Kind;
import org.junit.jupiter.api.Test;

/** The mapping from libpcap's texts and JNA's errors to kinds and messages; needs no libpcap. */
class LiveErrorsTest {

    @Test
    void permissionTextsAreRecognised() {
        assertThat(LiveErrors.classify("socket: Operation not permitted")).isEqualTo(Kind.PERMISSION_DENIED);
        assertThat(LiveErrors.classify("You don't have permission to capture on that device (socket: Operation not permitted)"))
                .isEqualTo(Kind.PERMISSION_DENIED);
        assertThat(LiveErrors.classify("eth0: You don't have PERMISSION to perform this capture on that device"))
                .isEqualTo(Kind.PERMISSION_DENIED);
    }

    @Test
    void missingDevicesAndOtherTextsAreRecognised() {
        assertThat(LiveErrors.classify("fenghuo-nope0: No such device exists (SIOCGIFHWADDR: No such device)"))
                .isEqualTo(Kind.NO_SUCH_INTERFACE);
        assertThat(LiveErrors.classify("can't mmap rx ring: Cannot allocate memory")).isEqualTo(Kind.CAPTURE_FAILED);
        assertThat(LiveErrors.classify((String) null)).isEqualTo(Kind.CAPTURE_FAILED);
    }

    @Test
    void linkageErrorsMeanLibpcapIsMissing() {
        assertThat(LiveErrors.classify(new UnsatisfiedLinkError("Unable to load library 'pcap'")))
                .isEqualTo(Kind.LIBPCAP_MISSING);
        assertThat(LiveErrors.classify(new NoClassDefFoundError("Could not initialize class org.pcap4j.core.NativeMappings")))
                .isEqualTo(Kind.LIBPCAP_MISSING);
        assertThat(LiveErrors.classify(new IllegalStateException("wrapped", new UnsatisfiedLinkError("libpcap.so"))))
                .isEqualTo(Kind.LIBPCAP_MISSING);

        LiveCaptureException e = LiveErrors.opening("eth0", new UnsatisfiedLinkError("Unable to load library 'pcap'"));
        assertThat(e.kind()).isEqualTo(Kind.LIBPCAP_MISSING);
        assertThat(e.getMessage()).startsWith("libpcap is not installed: apt-get install libpcap0.8");
    }

    @Test
    void permissionMessageSaysWhatIsNeededAndWhoWeAre() {
        LiveCaptureException e = LiveErrors.opening("eth0", new Exception("socket: Operation not permitted"));
        assertThat(e.kind()).isEqualTo(Kind.PERMISSION_DENIED);
        assertThat(e.getMessage())
                .contains("capturing on eth0 needs root or CAP_NET_RAW (setcap cap_net_raw,cap_net_admin=eip /")
                .contains("running as " + System.getProperty("user.name"))
                .contains("CAP_NET_RAW")
                .endsWith("libpcap said: socket: Operation not permitted");
    }

    @Test
    void noSuchInterfaceListsTheAvailableOnes() {
        LiveCaptureException e = LiveErrors.noSuchInterface("fenghuo-nope0", List.of("lo", "eth0", "any"), null);
        assertThat(e.kind()).isEqualTo(Kind.NO_SUCH_INTERFACE);
        assertThat(e.getMessage()).isEqualTo("no such interface: fenghuo-nope0; available: lo, eth0, any");
        assertThat(LiveErrors.noSuchInterface("x", List.of(), null).getMessage()).endsWith("available: (none visible)");
    }

    @Test
    void badFilterNamesTheFilterAndLibpcapsMessage() {
        LiveCaptureException e = LiveErrors.badFilter("udp and prot 53", "syntax error", null);
        assertThat(e.kind()).isEqualTo(Kind.BAD_FILTER);
        assertThat(e.getMessage()).isEqualTo("bad BPF filter \"udp and prot 53\": syntax error");
    }
}
