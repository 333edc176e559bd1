package org.fenghuo.collectors.pcap.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Without libpcap the capture says to install it. A child JVM is pointed at a library name that
 * does not exist (pcap4j's {@code org.pcap4j.core.pcapLibName}), so this runs whether or not
 * libpcap is installed here.
 */
class LiveLibpcapMissingTest {

    @Test
    void missingLibpcapSaysHowToInstallIt() throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process p = new ProcessBuilder(java, "-Xshare:auto", "-XX:-UsePerfData",
                "-Dorg.pcap4j.core.pcapLibName=fenghuo-no-such-pcap",
                "-cp", System.getProperty("java.class.path"), LivePermissionProbe.class.getName(), "lo")
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).as("child output").contains("KIND=LIBPCAP_MISSING");
        assertThat(lines).anySatisfy(line ->
                assertThat(line).startsWith("MESSAGE=libpcap is not installed: apt-get install libpcap0.8"));
    }
}
