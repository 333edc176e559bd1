package org.fenghuo.collectors.pcap.live;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pcap4j.core.Pcaps;

/** What the real-capture tests need, and why they skip when it is missing. */
final class LiveTestSupport {
    private static final int CAP_NET_RAW = 13;

    private LiveTestSupport() {
    }

    /** Null when libpcap loads, else why not. */
    static String libpcapMissing() {
        try {
            Pcaps.libVersion();
            return null;
        } catch (LinkageError e) {
            return "libpcap is not installed (apt-get install libpcap0.8): " + e;
        }
    }

    /** Whether this process may capture: root, or CAP_NET_RAW in its effective set. */
    static boolean mayCapture() {
        return isRoot() || effectiveCapabilities().testBit(CAP_NET_RAW);
    }

    static boolean isRoot() {
        return "0".equals(statusField("Uid:", 1));
    }

    private static BigInteger effectiveCapabilities() {
        String hex = statusField("CapEff:", 0);
        return hex == null ? BigInteger.ZERO : new BigInteger(hex, 16);
    }

    private static String statusField(String name, int index) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return line.substring(name.length()).strip().split("\\s+")[index];
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
