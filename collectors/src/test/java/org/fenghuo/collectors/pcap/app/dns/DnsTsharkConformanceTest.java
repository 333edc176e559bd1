package org.fenghuo.collectors.pcap.app.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.TestCapture;
import org.fenghuo.collectors.pcap.app.TsharkTsv;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/**
 * Compares the DNS messages we decode with what tshark decodes of the same captures. The expected
 * files were made by
 * {@code collectors/conformance/tshark-fields.sh dns '(dns || llmnr) && !mdns' dns.id
 * dns.flags.response dns.qry.name dns.qry.type dns.flags.rcode dns.a dns.aaaa dns.cname
 * frame.protocols udp.port tcp.port dns.count.queries dns.count.answers dns.resp.type}.
 * LLMNR is its own protocol name in tshark but the same format, and we decode it; the protocol
 * stack and ports tell where tshark found the DNS; the record counts and types tell which of
 * tshark's {@code dns.a}/{@code dns.aaaa} (every section) are in the answer section, which is all
 * ECS {@code dns.resolved_ip} holds. mDNS is out on both sides. Per capture, the multisets of
 * (id, query/answer, qname, qtype, rcode, sorted answer A/AAAA) must be equal.
 */
class DnsTsharkConformanceTest {
    private static final int ID = 1;
    private static final int RESPONSE = 2;
    private static final int QNAME = 3;
    private static final int QTYPE = 4;
    private static final int RCODE = 5;
    private static final int A = 6;
    private static final int AAAA = 7;
    private static final int PROTOCOLS = 9;
    private static final int UDP_PORTS = 10;
    private static final int TCP_PORTS = 11;
    private static final int QUESTION_COUNT = 12;
    private static final int ANSWER_COUNT = 13;
    private static final int RESP_TYPES = 14;
    private static final int COLUMNS = 15;

    /** One message as both sides can state it. */
    record Message(int id, String type, String name, String qtype, String rcode, List<String> ips) {
        @Override
        public String toString() {
            return id + " " + type + " " + name + " " + qtype + " " + rcode + " " + ips;
        }
    }

    @Test
    void agreesWithTshark() throws IOException {
        List<TsharkTsv.Case> cases = TsharkTsv.cases("dns");
        int compared = 0;
        int matched = 0;
        int capturesCompared = 0;
        Map<String, Integer> notCompared = new TreeMap<>();
        List<String> differences = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (TsharkTsv.Case recorded : cases) {
            Path tsv = recorded.tsv();
            Path capture = recorded.capture();
            String rel = recorded.name();
            List<Message> expected = new ArrayList<>();
            for (String[] row : TsharkTsv.read(tsv).rows()) {
                String[] f = Arrays.copyOf(row, COLUMNS);
                String skip = notComparable(f);
                if (skip != null) {
                    notCompared.merge(skip, 1, Integer::sum);
                    continue;
                }
                expected.add(fromTshark(f));
            }
            List<Message> actual = decode(capture, deadLetters);
            capturesCompared++;
            Map<Message, Integer> want = count(expected);
            Map<Message, Integer> got = count(actual);
            for (Map.Entry<Message, Integer> e : want.entrySet()) {
                int ours = got.getOrDefault(e.getKey(), 0);
                matched += Math.min(ours, e.getValue());
                if (ours < e.getValue()) {
                    differences.add(rel + ": tshark only (" + (e.getValue() - ours) + "x) " + e.getKey());
                }
            }
            for (Map.Entry<Message, Integer> e : got.entrySet()) {
                int theirs = want.getOrDefault(e.getKey(), 0);
                if (e.getValue() > theirs) {
                    differences.add(rel + ": ours only (" + (e.getValue() - theirs) + "x) " + e.getKey());
                }
            }
            compared += Math.max(expected.size(), actual.size());
        }
        System.out.printf("DNS vs tshark: %d captures, %d messages compared, %d match (%.1f%%); not compared: %s;"
                        + " our dead letters: %d%n", capturesCompared, compared, matched,
                compared == 0 ? 100.0 : 100.0 * matched / compared, notCompared, deadLetters.size());
        deadLetters.forEach(d -> System.out.println("  dead letter: " + d.reason()));
        differences.forEach(d -> System.out.println("  " + d));
        assertThat(differences).isEmpty();
        assertThat(matched).isEqualTo(compared);
    }

    /**
     * Why tshark's row is not one we should have, by design; null for a row to compare. Each
     * reason is a systematic difference, counted and printed, never a per-capture exception.
     */
    private static String notComparable(String[] f) {
        List<String> stack = List.of(f[PROTOCOLS].split(":"));
        if (f[QNAME].isEmpty() && !f[QUESTION_COUNT].isEmpty() && !f[QUESTION_COUNT].equals("0")) {
            // the header promises questions but tshark could not read the first one: junk sent
            // to port 53 (dns-udp-junkrequest-first: 816 questions in 74 bytes). Our header
            // check does not take a flow for DNS on such bytes, a parse failure would be a dead
            // letter; either way there is no event
            return "malformed for tshark";
        }
        if (stack.contains("icmp") || stack.contains("icmpv6")) {
            // the packet quoted in an ICMP error: not application data of any flow
            return "quoted in ICMP error";
        }
        if (stack.contains("vxlan")) {
            // the decoder does not open VXLAN tunnels
            return "inside VXLAN";
        }
        String transport = stack.lastIndexOf("udp") > stack.lastIndexOf("tcp") ? f[UDP_PORTS] : f[TCP_PORTS];
        String[] ports = transport.split(",");
        boolean dnsPort = ports.length >= 2 && (DnsProtocol.isDnsPort(Integer.parseInt(ports[ports.length - 1]))
                || DnsProtocol.isDnsPort(Integer.parseInt(ports[ports.length - 2])));
        // tshark also finds DNS in DNS-over-HTTPS bodies and on other ports through its port
        // table and heuristics; we only look at 53, 5353 and 5355
        return dnsPort ? null : "not a DNS port";
    }

    private static Message fromTshark(String[] f) {
        boolean response = f[RESPONSE].equals("1") || f[RESPONSE].equalsIgnoreCase("true");
        // dns.a and dns.aaaa list records of every section in order; keep the answer section's
        List<String> types = f[RESP_TYPES].isEmpty() ? List.of() : List.of(f[RESP_TYPES].split(","));
        int answers = f[ANSWER_COUNT].isEmpty() ? 0 : Math.min(types.size(), Integer.parseInt(f[ANSWER_COUNT]));
        List<String> ips = new ArrayList<>();
        ips.addAll(firstN(f[A], types.subList(0, answers).stream().filter("1"::equals).count()));
        ips.addAll(firstN(f[AAAA], types.subList(0, answers).stream().filter("28"::equals).count()));
        String name = f[QNAME].equals("<Root>") ? "" : f[QNAME];
        return new Message(Integer.decode(f[ID]), response ? "answer" : "query", f[QNAME].isEmpty() ? null : name,
                f[QTYPE].isEmpty() ? null : DnsCodes.type(Integer.parseInt(f[QTYPE])),
                response && !f[RCODE].isEmpty() ? DnsCodes.responseCode(Integer.parseInt(f[RCODE])) : null, sorted(ips));
    }

    private static List<String> firstN(String column, long n) {
        return column.isEmpty() ? List.of() : Arrays.stream(column.split(",")).limit(n).toList();
    }

    private static List<Message> decode(Path capture, List<DeadLetter> deadLetters) throws IOException {
        TestCapture.Decoded decoded = TestCapture.decodeFile(capture, AppProtocols.of(DnsProtocol.INSTANCE));
        deadLetters.addAll(decoded.deadLetters());
        return decoded.events().stream().filter(e -> "pcap.dns".equals(e.event().dataset()))
                // mDNS is left out of the tshark filter
                .filter(e -> !(e.source().port() == 5353 || e.destination().port() == 5353))
                .map(e -> {
                    SecurityEvent.Dns d = e.dns();
                    return new Message(Integer.parseInt(d.id()), d.type(), d.questionName(), d.questionType(),
                            d.responseCode(), sorted(d.resolvedIp() == null ? List.of() : d.resolvedIp()));
                }).toList();
    }

    private static List<String> sorted(List<String> ips) {
        return ips.stream().sorted().collect(Collectors.toList());
    }

    private static Map<Message, Integer> count(List<Message> messages) {
        Map<Message, Integer> counts = new HashMap<>();
        messages.forEach(m -> counts.merge(m, 1, Integer::sum));
        return counts;
    }
}
