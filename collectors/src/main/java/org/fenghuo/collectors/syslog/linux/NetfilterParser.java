package org.fenghuo.collectors.syslog.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;

/**
 * Kernel packet logs of iptables/ip6tables {@code LOG} and nftables {@code log} (also ufw and
 * firewalld, which use them): {@code [ 1234.567890] PREFIX IN=eth0 OUT= MAC=... SRC=... DST=...
 * LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=1 DF PROTO=TCP SPT=1 DPT=22 WINDOW=29200 RES=0x00 SYN URGP=0}.
 * The prefix is the rule's log prefix, free text the administrator chose: it becomes
 * {@code event.action} (lower case, blanks and brackets to dashes) and, when it says so, the
 * event type allowed or denied. Bare words are flags: IP ones (DF, MF, CE) and TCP ones (SYN,
 * ACK...). An ICMP error's quoted packet {@code [SRC=... ]} is kept whole, not mixed with the
 * outer packet's fields.
 */
public final class NetfilterParser implements PayloadParser {

    public static final String NAME = "netfilter";

    private static final Pattern PREFIX_PUNCTUATION = Pattern.compile("[\\[\\]():]+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    /** The field names of the keys every packet log has, so they are not built again for each line. */
    private static final Map<String, String> FIELD_NAMES = Stream.of("TOS", "PREC", "TTL", "WINDOW", "RES", "URGP",
            "TC", "HOPLIMIT", "FLOWLBL", "MARK", "UID", "GID", "ACK")
            .collect(Collectors.toUnmodifiableMap(k -> k, k -> "fenghuo.netfilter." + k.toLowerCase(Locale.ROOT)));
    private static final Pattern DENIED = Pattern.compile("drop|reject|block|deny|denied");
    private static final Pattern ALLOWED = Pattern.compile("accept|allow|pass");
    private static final Set<String> IP_FLAGS = Set.of("DF", "MF", "CE");
    private static final Set<String> TCP_FLAGS = Set.of("SYN", "ACK", "FIN", "RST", "PSH", "URG", "CWR", "ECE");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PayloadResult parse(PayloadInput input) {
        String app = input.appName();
        if (app != null && !app.equals("kernel")) {
            return PayloadResult.NOT_MINE;
        }
        String text = input.message().strip();
        Out out = new Out();
        text = kernelTime(text, out);
        int in = text.startsWith("IN=") ? 0 : text.indexOf(" IN=") + 1; // 0 when absent too
        if (in == 0 && !text.startsWith("IN=") || !text.contains(" OUT=")) {
            return PayloadResult.NOT_MINE;
        }
        String prefix = text.substring(0, in).strip();
        Packet packet = new Packet(out);
        packet.read(text.substring(in));
        if (out.problem() == null && (out.fields().get("source.ip") == null
                || out.fields().get("destination.ip") == null)) {
            return new PayloadResult.Malformed(NAME + ": a packet log without SRC= and DST= addresses");
        }
        event(prefix, out);
        return out.problem() == null ? new PayloadResult.Parsed(out.fields())
                : new PayloadResult.Malformed(NAME + ": " + out.problem());
    }

    /** Drops a leading {@code [ 1234.567890]} (seconds since boot), kept as a field. */
    private static String kernelTime(String text, Out out) {
        if (!text.startsWith("[")) {
            return text;
        }
        int close = text.indexOf(']');
        String inside = close < 0 ? "" : text.substring(1, close).strip();
        if (inside.isEmpty() || !inside.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.')
                || inside.indexOf('.') != inside.lastIndexOf('.') || inside.length() > 20) {
            return text;
        }
        out.put("fenghuo.netfilter.kernel_uptime", Double.parseDouble(inside));
        return text.substring(close + 1).strip();
    }

    private static void event(String prefix, Out out) {
        String words = PREFIX_PUNCTUATION.matcher(prefix).replaceAll(" ").strip();
        String action = BLANKS.matcher(words).replaceAll("-").toLowerCase(Locale.ROOT);
        List<String> type = new ArrayList<>(List.of("connection"));
        if (DENIED.matcher(action).find()) {
            type.add("denied");
        } else if (ALLOWED.matcher(action).find()) {
            type.add("allowed");
        }
        out.event(List.of("network"), type, action.isEmpty() ? "packet_logged" : action, null);
        out.put("fenghuo.netfilter.prefix", prefix);
    }

    /** The {@code KEY=value} and flag words after the prefix. */
    private static final class Packet {
        private final Out out;
        private final List<String> ipFlags = new ArrayList<>();
        private final List<String> tcpFlags = new ArrayList<>();
        private boolean afterProto;

        Packet(Out out) {
            this.out = out;
        }

        void read(String fields) {
            int at = 0;
            while (at < fields.length()) {
                if (fields.charAt(at) == ' ') {
                    at++;
                    continue;
                }
                if (fields.charAt(at) == '[') {
                    at = quotedPacket(fields, at);
                    continue;
                }
                int end = fields.indexOf(' ', at);
                end = end < 0 ? fields.length() : end;
                int eq = fields.indexOf('=', at);
                if (eq < 0 || eq > end) {
                    flag(fields.substring(at, end));
                } else {
                    field(fields.substring(at, eq), fields.substring(eq + 1, end));
                }
                at = end;
            }
            out.put("fenghuo.netfilter.ip_flags", ipFlags.isEmpty() ? null : List.copyOf(ipFlags));
            out.put("fenghuo.netfilter.tcp_flags", tcpFlags.isEmpty() ? null : List.copyOf(tcpFlags));
        }

        /** An ICMP error's quoted packet, {@code [SRC=... ]}, kept whole; returns where it ends. */
        private int quotedPacket(String fields, int open) {
            int close = fields.indexOf(']', open);
            int end = close < 0 ? fields.length() : close + 1;
            out.put("fenghuo.netfilter.icmp.quoted_packet", fields.substring(open + 1, close < 0 ? end : close).strip());
            return end;
        }

        private void flag(String word) {
            if (IP_FLAGS.contains(word)) {
                ipFlags.add(word);
            } else if (TCP_FLAGS.contains(word)) {
                tcpFlags.add(word);
            } else if (word.startsWith("(")) {
                out.put("fenghuo.netfilter.options", word); // OPT (...) values
            } else if (!word.equals("OPT")) {
                out.put("fenghuo.netfilter.flag." + word.toLowerCase(Locale.ROOT), true);
            }
        }

        private void field(String key, String value) {
            switch (key) {
                case "IN" -> out.put("observer.ingress.interface.name", value);
                case "OUT" -> out.put("observer.egress.interface.name", value);
                case "PHYSIN" -> out.put("fenghuo.netfilter.physin", value);
                case "PHYSOUT" -> out.put("fenghuo.netfilter.physout", value);
                case "MAC" -> mac(value);
                case "SRC" -> ip("source", value);
                case "DST" -> ip("destination", value);
                case "SPT" -> out.port("source", value);
                case "DPT" -> out.port("destination", value);
                case "PROTO" -> proto(value);
                case "LEN" -> out.number(afterProto ? "fenghuo.netfilter.transport_len" : "network.bytes", value);
                case "ID" -> decimal(afterProto ? "fenghuo.netfilter.icmp.id" : "fenghuo.netfilter.id", value);
                case "TYPE" -> out.number("fenghuo.netfilter.icmp.type", value);
                case "CODE" -> out.number("fenghuo.netfilter.icmp.code", value);
                case "SEQ" -> decimal(afterProto && out.fields().get("fenghuo.netfilter.icmp.type") != null
                        ? "fenghuo.netfilter.icmp.seq" : "fenghuo.netfilter.seq", value);
                default -> decimal(FIELD_NAMES.getOrDefault(key, "fenghuo.netfilter." + key.toLowerCase(Locale.ROOT)),
                        value);
            }
        }

        /** TTL=64, WINDOW=502... as numbers; hex (TOS=0x00, MARK=0x1) and other text as written. */
        private void decimal(String name, String value) {
            boolean digits = !value.isEmpty() && value.length() < 19;
            for (int i = 0; digits && i < value.length(); i++) {
                digits = value.charAt(i) >= '0' && value.charAt(i) <= '9';
            }
            out.put(name, digits ? (Object) Long.parseLong(value) : value);
        }

        private void ip(String side, String value) {
            if (!Addresses.isIp(value)) {
                out.problem(side + " '" + value + "' is not an IP address");
                return;
            }
            out.put(side + ".ip", value);
            out.put("network.type", value.indexOf(':') >= 0 ? "ipv6" : "ipv4");
        }

        private void proto(String value) {
            afterProto = true;
            String lower = value.toLowerCase(Locale.ROOT);
            out.put("network.transport", lower.equals("icmpv6") ? "ipv6-icmp" : lower);
        }

        /** {@code dst(6):src(6):ethertype(2)} as the kernel prints the link header; other lengths are kept raw. */
        private void mac(String value) {
            out.put("fenghuo.netfilter.mac", value);
            String[] octets = value.split(":");
            if (octets.length == 14) {
                out.put("destination.mac", String.join("-", List.of(octets).subList(0, 6)).toUpperCase(Locale.ROOT));
                out.put("source.mac", String.join("-", List.of(octets).subList(6, 12)).toUpperCase(Locale.ROOT));
                out.put("fenghuo.netfilter.ethertype", "0x" + octets[12] + octets[13]);
            }
        }
    }
}
