package org.fenghuo.collectors.pcap.app.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.fenghuo.collectors.pcap.app.TsharkTsv;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/**
 * Our handshakes against tshark's dissection of the same captures. Expected files are written by
 * {@code collectors/conformance/tshark-fields.sh tls 'tls.handshake.type == 1 || tls.handshake.type == 2'
 * tls.handshake.type tls.handshake.extensions_server_name tls.handshake.ja3 tls.handshake.ja3s
 * tls.handshake.ciphersuite} (tshark 4.0 has ja3 and ja3s fields, no JA4). Per capture, the multisets
 * of SNI and JA3 (ClientHello packets) and JA3S (ServerHello packets) are compared; the test prints
 * the agreement rate and fails below 80%.
 * <p>Systematic differences, all from what is counted rather than how it is computed:
 * <ul>
 * <li>tshark shows every hello packet; we make one event per connection from its first
 *     ClientHello and first ServerHello. A second ClientHello (tls-duplicate-hello, or the one
 *     after a HelloRetryRequest) and retransmitted hellos are tshark rows without an event.</li>
 * <li>TLS that does not start the TCP stream (ldap-starttls: LDAP StartTLS, then TLS) is not
 *     recognised: the protocol is chosen from a stream's first bytes.</li>
 * <li>tshark also dissects the TLS inside QUIC (ja4-rules, ja4-tls-quic): we only follow TCP.</li>
 * </ul>
 */
class TlsTsharkConformanceTest {

    @Test
    void handshakesAgreeWithTshark() throws IOException, URISyntaxException {
        List<TsharkTsv.Case> cases = TsharkTsv.cases("tls");
        int total = 0;
        int agreed = 0;
        int extra = 0;
        for (TsharkTsv.Case recorded : cases) {
            Path tsv = recorded.tsv();
            Path capture = recorded.capture();
            Expected want = read(tsv);
            List<SecurityEvent> events = TlsCaptures.tlsEvents(capture);
            List<String> sni = events.stream().map(e -> e.tls().clientServerName()).filter(Objects::nonNull).toList();
            List<String> ja3 = events.stream().map(e -> e.tls().clientJa3()).filter(Objects::nonNull).toList();
            List<String> ja3s = events.stream().map(e -> e.tls().serverJa3s()).filter(Objects::nonNull).toList();
            int m = TlsCaptures.matched(want.sni, sni) + TlsCaptures.matched(want.ja3, ja3)
                    + TlsCaptures.matched(want.ja3s, ja3s);
            int n = want.sni.size() + want.ja3.size() + want.ja3s.size();
            int ours = sni.size() + ja3.size() + ja3s.size();
            total += n;
            agreed += m;
            extra += ours - m;
            System.out.printf("[tls vs tshark] %s: %d/%d agree, %d of ours not in tshark%n", recorded.name(), m, n, ours - m);
        }
        System.out.printf("[tls vs tshark] %d/%d values agree (%.1f%%) over %d captures; %d of ours not in tshark%n",
                agreed, total, 100.0 * agreed / total, cases.size(), extra);
        assertThat(extra).as("values we report that tshark does not").isZero();
        assertThat(agreed).isGreaterThanOrEqualTo(total * 8 / 10);
    }

    private record Expected(List<String> sni, List<String> ja3, List<String> ja3s) {
    }

    private static Expected read(Path tsv) throws IOException {
        List<String> sni = new ArrayList<>();
        List<String> ja3 = new ArrayList<>();
        List<String> ja3s = new ArrayList<>();
        for (String[] c : TsharkTsv.read(tsv).rows()) {
            List<String> types = Arrays.asList(c[1].split(","));
            if (types.contains("1")) {
                addAll(sni, c[2]);
                addAll(ja3, c[3]);
            }
            if (types.contains("2")) {
                addAll(ja3s, c[4]);
            }
        }
        return new Expected(sni, ja3, ja3s);
    }

    /** A cell may hold several values (several hellos in one packet), comma-joined. */
    private static void addAll(List<String> into, String cell) {
        if (!cell.isEmpty()) {
            into.addAll(Arrays.asList(cell.split(",")));
        }
    }
}
