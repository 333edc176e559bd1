package org.fenghuo.collectors.pcap.app.iec104;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fenghuo.testdata.SharedData;
import org.fenghuo.collectors.pcap.PcapFileDecoder;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.ExtraFields;
import org.fenghuo.collectors.pcap.app.Multisets;
import org.fenghuo.collectors.pcap.app.TestCapture;
import org.fenghuo.collectors.pcap.app.TsharkTsv;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/**
 * Our IEC 104 decoding of the shared captures against tshark's, recorded by
 * {@code collectors/conformance/tshark-fields.sh iec104 'iec60870_104 || iec60870_asdu'
 * iec60870_104.type iec60870_104.utype iec60870_104.tx iec60870_104.rx iec60870_asdu.typeid
 * iec60870_asdu.causetx iec60870_asdu.nega iec60870_asdu.numix iec60870_asdu.addr iec60870_asdu.ioa}.
 *
 * <p>tshark gives one line per frame, a frame's APDUs aggregated field by field; the line is cut
 * back into APDUs in order: the APCI types say which APDUs there are, utype goes to the U-formats,
 * tx to the I-formats, rx to the I- and S-formats, the ASDU fields to the I-formats, and the IOAs
 * (one per object) are dealt out by each ASDU's number of objects. Each capture is then compared
 * as a multiset of whole APDUs: U with its function; S with N(R); I with N(S), N(R), type id,
 * cause, P/N, number of objects, common address and first IOA.
 *
 * <p>One systematic difference: TestDissectIec104.pcap is Wireshark's dissector test, whose
 * connections send junk before a 0x68 and then APDUs that break the standard's APCI rules: an
 * I-format too short for the ASDU header (APDU length under 10, no common address), S- and
 * U-formats longer than the four control octets, U-formats with several function bits set. tshark
 * decodes whatever follows a 0x68 inside a segment and flags most of these "Malformed Packet"; we
 * report the bad run once as malformed (bad start octet, short i-format, bad control field,
 * s/u-format with asdu), make no event and resynchronise on the next sound APDU; a connection
 * whose first bytes are junk is not claimed as IEC 104 at all. Such tshark APDUs (recognised from their length and utype) are counted apart, not as
 * disagreement.
 */
class Iec104TsharkConformanceTest {
    @Test
    void agreesWithTshark() throws IOException, URISyntaxException {
        List<TsharkTsv.Case> cases = TsharkTsv.cases("iec104");
        long agreed = 0;
        long total = 0;
        long nonStandard = 0;
        for (TsharkTsv.Case recorded : cases) {
            Path tsv = recorded.tsv();
            Path capture = recorded.capture();
            String rel = recorded.name();
            Map<String, Integer> theirs = tshark(tsv);
            Integer broken = theirs.remove(NON_STANDARD);
            nonStandard += broken == null ? 0 : broken;
            TestCapture.Decoded decoded = TestCapture.decodeFile(capture, AppProtocols.of(new Iec104Protocol()));
            Map<String, Integer> ours = ours(decoded.events());
            long both = Multisets.matched(theirs, ours);
            long size = Math.max(Multisets.count(theirs), Multisets.count(ours));
            agreed += both;
            total += size;
            System.out.printf("iec104 vs tshark %s: %d of %d APDUs agree, %d dead letters%n", rel, both, size,
                    decoded.deadLetters().size());
            if (both < size) {
                System.out.printf("  only tshark: %s%n  only ours: %s%n", Multisets.difference(theirs, ours),
                        Multisets.difference(ours, theirs));
            }
        }
        double rate = total == 0 ? 1 : (double) agreed / total;
        System.out.printf("iec104 vs tshark: %d of %d APDUs agree (%.2f%%); %d non-standard APDUs tshark decodes and we"
                + " report malformed%n", agreed, total, 100 * rate, nonStandard);
        assertThat(total).isPositive();
        assertThat(rate).isGreaterThanOrEqualTo(0.99);
    }

    /** Every ICS capture goes through without analyzer failure, and only IEC 104 flows are claimed. */
    @Test
    void everyIcsCaptureDecodesCleanly() throws IOException {
        List<Path> files = SharedData.files(SharedData.require("captures/ics"), ".pcap", ".pcapng", ".cap");
        Map<String, Integer> actions = new TreeMap<>();
        Map<String, Long> malformed = new TreeMap<>();
        Map<Integer, Integer> ports = new TreeMap<>();
        for (Path capture : files) {
            PcapFileDecoder.Result r;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(capture))) {
                r = new PcapFileDecoder(FlowTableConfig.defaults(), AppProtocols.of(new Iec104Protocol()), e -> {
                    if ("pcap.iec104".equals(e.event().dataset())) {
                        actions.merge(e.event().action(), 1, Integer::sum);
                        ports.merge(e.destination().port(), 1, Integer::sum);
                    }
                }, letter -> { }).decode(capture, in);
            }
            r.app().malformedByReason().forEach((k, v) -> malformed.merge(k, v, Long::sum));
            if (!r.app().malformedByReason().isEmpty()) {
                System.out.printf("  %s: %s%n", capture.getFileName(), r.app().malformedByReason());
            }
        }
        System.out.printf("iec104 over %d ICS captures: %s; by responder port %s; malformed %s%n", files.size(),
                actions, ports, malformed);
        assertThat(malformed).doesNotContainKey("iec104: analyzer failure");
        assertThat(actions).containsKeys("iec104-startdt-act", "iec104-c_ic_na_1", "iec104-supervisory");
    }

    private static final String NON_STANDARD = "non-standard";

    private static Map<String, Integer> tshark(Path tsv) throws IOException {
        TsharkTsv table = TsharkTsv.read(tsv);
        Map<String, Integer> keys = new HashMap<>();
        for (String[] cells : table.rows()) {
            Map<String, String> named = table.named(cells);
            Map<String, List<String>> row = new HashMap<>();
            for (String field : table.header()) {
                String cell = named.getOrDefault(field, "");
                row.put(field, cell.isEmpty() ? List.of() : List.of(cell.split(",", -1)));
            }
            Cursor length = new Cursor(row.get("iec60870_104.apdulen"));
            Cursor utype = new Cursor(row.get("iec60870_104.utype"));
            Cursor tx = new Cursor(row.get("iec60870_104.tx"));
            Cursor rx = new Cursor(row.get("iec60870_104.rx"));
            Cursor type = new Cursor(row.get("iec60870_asdu.typeid"));
            Cursor cause = new Cursor(row.get("iec60870_asdu.causetx"));
            Cursor negative = new Cursor(row.get("iec60870_asdu.nega"));
            Cursor objects = new Cursor(row.get("iec60870_asdu.numix"));
            Cursor address = new Cursor(row.get("iec60870_asdu.addr"));
            List<String> ioas = row.get("iec60870_asdu.ioa");
            int ioa = 0;
            for (String apci : row.get("iec60870_104.type")) {
                int apduLength = Integer.parseInt(length.next());
                String key = switch (Integer.decode(apci)) {
                    case 3 -> {
                        String u = u(Integer.decode(utype.next()));
                        yield apduLength != 4 || u.contains("utype-") ? NON_STANDARD : u;
                    }
                    case 1 -> {
                        String r = rx.next();
                        yield apduLength != 4 ? NON_STANDARD : "S " + r;
                    }
                    default -> {
                        String n = objects.next();
                        String first = ioa < ioas.size() ? ioas.get(ioa) : null;
                        ioa += n == null ? 0 : Integer.parseInt(n);
                        String apdu = i(tx.next(), rx.next(), type.next(), cause.next(), "1".equals(negative.next()),
                                n, address.next(), first);
                        yield apduLength < 10 ? NON_STANDARD : apdu;
                    }
                };
                keys.merge(key, 1, Integer::sum);
            }
        }
        return keys;
    }

    /** tshark's utype is the control octet shifted right by 2: 0x01 STARTDT act ... 0x20 TESTFR con. */
    private static String u(int utype) {
        return "U " + switch (utype) {
            case 0x01 -> "STARTDT_ACT";
            case 0x02 -> "STARTDT_CON";
            case 0x04 -> "STOPDT_ACT";
            case 0x08 -> "STOPDT_CON";
            case 0x10 -> "TESTFR_ACT";
            case 0x20 -> "TESTFR_CON";
            default -> "utype-" + utype;
        };
    }

    private static String i(Object tx, Object rx, Object type, Object cause, boolean negative, Object objects,
                            Object commonAddress, Object firstIoa) {
        return "I " + tx + " " + rx + " type " + type + " cot " + cause + (negative ? " negative" : "") + " objects "
                + objects + " ca " + commonAddress + " ioa " + firstIoa;
    }

    private static Map<String, Integer> ours(List<SecurityEvent> events) {
        Map<String, Integer> keys = new HashMap<>();
        for (SecurityEvent e : events) {
            Object apci = field(e, "apci");
            if (!"pcap.iec104".equals(e.event().dataset()) || apci == null) {
                continue;
            }
            SecurityEvent.Ics ics = e.fenghuo().ics();
            String key = switch ((String) apci) {
                case "U" -> "U " + field(e, "u_function");
                case "S" -> "S " + field(e, "recv_seq");
                default -> i(field(e, "send_seq"), field(e, "recv_seq"), ics.functionCode(), field(e, "cot_code"),
                        Boolean.TRUE.equals(field(e, "negative")), ics.quantity(), ics.unitId(), ics.address());
            };
            keys.merge(key, 1, Integer::sum);
        }
        return keys;
    }

    /** Hands out a frame's aggregated values one by one; null once they run out. */
    private static final class Cursor {
        private final List<String> values;
        private int next;

        Cursor(List<String> values) {
            this.values = values;
        }

        String next() {
            return next < values.size() ? values.get(next++) : null;
        }
    }

    static Object field(SecurityEvent e, String name) {
        return ExtraFields.get(e, "fenghuo.ics.iec104." + name);
    }
}
