package org.fenghuo.collectors.pcap.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.Multisets;
import org.fenghuo.collectors.pcap.app.TestCapture;
import org.fenghuo.collectors.pcap.app.TsharkTsv;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/**
 * Compares, per capture, the HTTP requests (method, request-target, Host, User-Agent) and response
 * status codes we decode with what tshark decoded (collectors/conformance/tshark-fields.sh http
 * 'http.request || http.response' ..., files under conformance/tshark/http). Multisets are
 * compared, as the two number and order messages differently.
 */
class HttpTsharkConformanceTest {
    private static final String SSDP = "SSDP: HTTP over UDP multicast, which tshark dissects as HTTP; we follow"
            + " HTTP over TCP only";

    private static final String BODY_HOLE = "a response whose body has a hole: tshark only dissects a message whose"
            + " whole body was reassembled, we report it from its complete head";

    /** Captures where tshark and we differ by design (or by a decoder limit), with the reason. */
    static final Map<String, String> EXPECTED_DIFFERENCES = Map.of(
            "ics/pcaps/C37.118/C37118/c37118_1100_unclean.pcap", SSDP,
            "ics/pcaps/s7/S7Comm/wrapup.pcapng", SSDP,
            "suricata-verify/bug-5162/input.pcap", SSDP,
            "suricata-verify/bug-4810/pppoe-session-http.pcap", "PPPoE session frames: the packet decoder does not"
                    + " decode PPPoE, so no flow reaches the application layer",
            "suricata-verify/bug-5437-01/input.pcap", "HTTP inside GRE/ERSPAN: the packet decoder does not decode"
                    + " ERSPAN",
            "suricata-verify/bug-6402-01/input.pcap", "HTTP inside Geneve and GRE: the packet decoder does not decode"
                    + " Geneve",
            "suricata-verify/dcerpc-request-http-response/input.pcap", "the client sends DCERPC, the server answers"
                    + " HTTP: tshark decodes the lone response, we refuse the flow's non-HTTP request as a bad request"
                    + " line and stop (one malformed)",
            "suricata-verify/bug-5392/TPWhite-carved-out-7787-s1.pcap", "the POST's first segment follows an ACK of"
                    + " it: tshark calls it a spurious retransmission and does not dissect the request, our reassembly"
                    + " delivers it once and we report it",
            "suricata-verify/http-gap-double/input.pcap", BODY_HOLE,
            "suricata-verify/http-gap-whole-body/input.pcap", BODY_HOLE);

    @Test
    void requestsAndResponsesAgreeWithTshark() throws IOException, URISyntaxException {
        List<TsharkTsv.Case> cases = TsharkTsv.cases("http");
        int agreeing = 0;
        int comparedAgreeing = 0;
        int excluded = 0;
        long tsharkItems = 0;
        long matchedItems = 0;
        List<String> failures = new ArrayList<>();
        for (TsharkTsv.Case recorded : cases) {
            Path tsv = recorded.tsv();
            Path capture = recorded.capture();
            String rel = recorded.name();
            Map<String, Integer> theirs = TsharkHttp.read(tsv);
            Map<String, Integer> ours = decode(capture);
            long total = Multisets.count(theirs);
            long matched = Multisets.matched(theirs, ours);
            tsharkItems += total;
            matchedItems += matched;
            boolean same = theirs.equals(ours);
            if (same) {
                agreeing++;
                comparedAgreeing++;
            } else if (EXPECTED_DIFFERENCES.containsKey(rel)) {
                excluded++;
            } else if (!EXPECTED_DIFFERENCES.containsKey(rel)) {
                failures.add(rel + "\n  tshark only: " + Multisets.difference(theirs, ours) + "\n  ours only:   " + Multisets.difference(ours, theirs));
            }
        }
        System.out.printf("http vs tshark: %d/%d captures identical, %d/%d tshark items matched (%.1f%%)%n", agreeing,
                cases.size(), matchedItems, tsharkItems, tsharkItems == 0 ? 100.0 : 100.0 * matchedItems / tsharkItems);
        System.out.printf("http vs tshark: %d/%d compared captures identical (%d excluded with a reason)%n",
                comparedAgreeing, cases.size() - excluded, excluded);
        failures.forEach(System.out::println);
        assertThat(failures).isEmpty();
    }

    private static Map<String, Integer> decode(Path capture) throws IOException {
        Map<String, Integer> items = new TreeMap<>();
        for (SecurityEvent e : TestCapture.decodeFile(capture, AppProtocols.of(new HttpProtocol())).events()) {
            if (!"pcap.http".equals(e.event().dataset())) {
                continue;
            }
            if (e.http().requestMethod() != null) {
                SecurityEvent.Url u = e.url();
                String host = u.domain() == null ? "" : (u.domain().contains(":") ? "[" + u.domain() + "]" : u.domain())
                        + (u.port() == null ? "" : ":" + u.port());
                items.merge(TsharkHttp.request(e.http().requestMethod(), u.original(), host,
                        e.userAgent() == null ? "" : e.userAgent()), 1, Integer::sum);
            }
            if (e.http().responseStatusCode() != null) {
                items.merge("response " + e.http().responseStatusCode(), 1, Integer::sum);
            }
        }
        return items;
    }

    /** Reads tshark's TSV: one line per frame, a frame's several messages joined by ",". */
    static final class TsharkHttp {
        private TsharkHttp() {
        }

        static String request(String method, String uri, String host, String userAgent) {
            // CONNECT's url.domain/port come from its authority-form target (where the tunnel
            // goes), not from the Host field that tshark shows, so Host is not compared there
            boolean tunnel = method.equals("CONNECT") && !uri.startsWith("/");
            return "request " + method + " " + uri + " host=" + (tunnel ? "(target)" : host) + " ua=" + userAgent;
        }

        static Map<String, Integer> read(Path tsv) throws IOException {
            TsharkTsv table = TsharkTsv.read(tsv);
            Map<String, Integer> items = new TreeMap<>();
            for (String[] cells : table.rows()) {
                Map<String, String> row = table.named(cells);
                String methods = row.getOrDefault("http.request.method", "");
                if (!methods.isEmpty()) {
                    String[] m = methods.split(",");
                    List<String> uris = split(row.get("http.request.uri"), m.length);
                    List<String> hosts = split(row.get("http.host"), m.length);
                    List<String> agents = split(row.get("http.user_agent"), m.length);
                    for (int i = 0; i < m.length; i++) {
                        items.merge(request(m[i], uris.get(i), hosts.get(i), agents.get(i)), 1, Integer::sum);
                    }
                }
                String codes = row.getOrDefault("http.response.code", "");
                if (!codes.isEmpty()) {
                    for (String c : codes.split(",")) {
                        // an interim response (100 Continue) is not an event of ours: its request's
                        // final response is (101 Switching Protocols is final)
                        if (!c.startsWith("1") || c.equals("101")) {
                            items.merge("response " + c, 1, Integer::sum);
                        }
                    }
                }
            }
            return items;
        }

        /**
         * The {@code n} occurrences of a field: the values themselves may hold commas (a
         * User-Agent's "KHTML, like Gecko"), so the pieces are grouped evenly when they divide
         * by {@code n}, which holds when every message repeats the same value.
         */
        static List<String> split(String field, int n) {
            String value = field == null ? "" : field;
            if (n == 1) {
                return List.of(value);
            }
            String[] pieces = value.split(",", -1);
            List<String> out = new ArrayList<>();
            if (pieces.length % n != 0) {
                for (int i = 0; i < n; i++) {
                    out.add("?" + value); // cannot tell which value is whose: shows as a difference
                }
                return out;
            }
            int k = pieces.length / n;
            for (int i = 0; i < n; i++) {
                out.add(String.join(",", Arrays.copyOfRange(pieces, i * k, i * k + k)));
            }
            return out;
        }
    }
}
