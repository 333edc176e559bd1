package org.fenghuo.collectors.pcap.live;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.fenghuo.collectors.pcap.live.LiveCaptureException.Kind;

/** Maps what libpcap, pcap4j and JNA throw to a {@link Kind} and a message that says what to do. */
final class LiveErrors {
    static final String INSTALL_LIBPCAP = "libpcap is not installed: apt-get install libpcap0.8";
    private static final int CAP_NET_ADMIN = 12;
    private static final int CAP_NET_RAW = 13;

    private LiveErrors() {
    }

    /** The kind of a libpcap error text (from {@code pcap_create}, {@code pcap_activate}, ...). */
    static Kind classify(String pcapMessage) {
        if (pcapMessage == null) {
            return Kind.CAPTURE_FAILED;
        }
        String m = pcapMessage.toLowerCase(Locale.ROOT);
        if (m.contains("operation not permitted") || m.contains("permission")) {
            return Kind.PERMISSION_DENIED;
        }
        if (m.contains("no such device") || m.contains("doesn't exist") || m.contains("no such interface")) {
            return Kind.NO_SUCH_INTERFACE;
        }
        return Kind.CAPTURE_FAILED;
    }

    /** The kind of anything thrown while opening: a missing library, else the message's kind. */
    static Kind classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsatisfiedLinkError || c instanceof NoClassDefFoundError
                    || c instanceof ExceptionInInitializerError) {
                return Kind.LIBPCAP_MISSING;
            }
        }
        return classify(t.getMessage());
    }

    /** The exception for anything thrown while opening {@code iface}. */
    static LiveCaptureException opening(String iface, Throwable t) {
        Kind kind = classify(t);
        return switch (kind) {
            case LIBPCAP_MISSING -> new LiveCaptureException(kind, INSTALL_LIBPCAP + " (" + t + ")", t);
            case PERMISSION_DENIED -> permissionDenied(iface, t.getMessage(), t);
            case NO_SUCH_INTERFACE -> noSuchInterface(iface, List.of(), t);
            default -> new LiveCaptureException(kind, "cannot capture on " + iface + ": " + t.getMessage(), t);
        };
    }

    static LiveCaptureException permissionDenied(String iface, String pcapMessage, Throwable cause) {
        return new LiveCaptureException(Kind.PERMISSION_DENIED, "capturing on " + iface
                + " needs root or CAP_NET_RAW (setcap cap_net_raw,cap_net_admin=eip " + javaBinary()
                + "); " + whoAmI() + "; libpcap said: " + pcapMessage, cause);
    }

    static LiveCaptureException noSuchInterface(String iface, List<String> available, Throwable cause) {
        return new LiveCaptureException(Kind.NO_SUCH_INTERFACE, "no such interface: " + iface + "; available: "
                + (available.isEmpty() ? "(none visible)" : String.join(", ", available)), cause);
    }

    static LiveCaptureException badFilter(String bpf, String pcapMessage, Throwable cause) {
        return new LiveCaptureException(Kind.BAD_FILTER, "bad BPF filter \"" + bpf + "\": " + pcapMessage, cause);
    }

    /** Who this process is, for the permission message: the user and whether it holds the capabilities. */
    static String whoAmI() {
        String user = System.getProperty("user.name", "?");
        String uid = "?";
        BigInteger effective = null;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    uid = line.substring(4).strip().split("\\s+")[1];
                } else if (line.startsWith("CapEff:")) {
                    effective = new BigInteger(line.substring(7).strip(), 16);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "running as " + user;
        }
        if (effective == null) {
            return "running as " + user + " (uid " + uid + ")";
        }
        return "running as " + user + " (uid " + uid + ("0".equals(uid) ? ", root" : ", not root") + ") "
                + (effective.testBit(CAP_NET_RAW) ? "with" : "without") + " CAP_NET_RAW, "
                + (effective.testBit(CAP_NET_ADMIN) ? "with" : "without") + " CAP_NET_ADMIN";
    }

    /** The real java binary (symlinks resolved): setcap needs the file, not a link. */
    static String javaBinary() {
        String command = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try {
            return Path.of(command).toRealPath().toString();
        } catch (IOException e) {
            return command;
        }
    }
}
