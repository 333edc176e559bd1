package org.fenghuo.collectors.pcap.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fenghuo.testdata.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Recomputes every Community ID in Zeek's btest baselines (shared/data/captures/communityid,
 * from the zeek-community-id package) from the connection tuple Zeek printed beside it. Zeek
 * prints ICMP as orig_p = type and resp_p = counterpart type or code, which is exactly the input
 * of {@link CommunityId#icmp}; over IPv6 addresses it hashes ICMPv6 (58) whatever proto says.
 */
class CommunityIdZeekBaselineTest {
    private static final Pattern TUPLE = Pattern.compile("\\[orig_h=([^,]+), orig_p=(\\d+)/(\\w+), resp_h=([^,]+), "
            + "resp_p=(\\d+)/(\\w+), proto=(\\d+), ctx=\\[\\]\\]");
    /** run-pcaps: "TUPLE, ID". */
    private static final Pattern PCAP_LINE = Pattern.compile("^" + TUPLE.pattern() + ", (\\S*)$");
    /** v1: "PASS: expected 'ID', got 'ID' (TUPLE, seed=N)". */
    private static final Pattern V1_LINE = Pattern.compile("^\\w+: expected '([^']*)', got '[^']*' \\("
            + TUPLE.pattern() + ", seed=(\\d+)\\)$");

    record Case(String file, String origH, int origP, String portProto, String respH, int respP, int proto,
                int seed, String expected) {
    }

    @Test
    void agreesWithZeekOnEveryBaselineTuple() throws IOException {
        Path baselines = SharedData.require("captures/communityid/baselines");
        List<Case> cases = readCases(baselines);
        assumeTrue(!cases.isEmpty(), "no tuples found under " + baselines.toAbsolutePath());
        List<String> disagreements = new ArrayList<>();
        for (Case c : cases) {
            String ours = compute(c);
            String oursOrEmpty = ours == null ? "" : ours;
            if (!oursOrEmpty.equals(c.expected())) {
                disagreements.add(c + " -> ours " + oursOrEmpty);
            }
        }
        System.out.printf("Community ID vs Zeek baselines: %d/%d tuples agree%n",
                cases.size() - disagreements.size(), cases.size());
        assertThat(disagreements).isEmpty();
        assertThat(cases.size()).isGreaterThanOrEqualTo(20);
    }

    static String compute(Case c) {
        byte[] a = TestPacket.addresses(c.origH(), c.respH());
        int len = a.length / 2;
        if (c.portProto().equals("icmp")) {
            int proto = len == 16 ? CommunityId.ICMPV6 : CommunityId.ICMP;
            return CommunityId.icmp(proto, a, 0, a, len, len, c.origP(), c.respP(), c.seed());
        }
        return CommunityId.of(c.proto(), a, 0, a, len, len, c.origP(), c.respP(), c.seed());
    }

    private static List<Case> readCases(Path baselines) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(baselines)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    Matcher m = PCAP_LINE.matcher(line);
                    if (m.matches()) {
                        cases.add(tuple(f, m, 1, 0, m.group(8)));
                        continue;
                    }
                    Matcher v = V1_LINE.matcher(line);
                    if (v.matches()) {
                        cases.add(tuple(f, v, 2, Integer.parseInt(v.group(9)), v.group(1)));
                    }
                }
            }
        }
        return cases;
    }

    private static Case tuple(Path file, Matcher m, int first, int seed, String expected) {
        return new Case(file.getFileName().toString(), m.group(first), Integer.parseInt(m.group(first + 1)),
                m.group(first + 2), m.group(first + 3), Integer.parseInt(m.group(first + 4)),
                Integer.parseInt(m.group(first + 6)), seed, expected);
    }
}
