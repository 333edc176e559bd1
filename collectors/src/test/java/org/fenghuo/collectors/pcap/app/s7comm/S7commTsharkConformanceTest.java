package org.fenghuo.collectors.pcap.app.s7comm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Our S7comm decoding of the shared ICS captures against tshark's, recorded by
 * {@code collectors/conformance/tshark-fields.sh s7comm 's7comm' s7comm.header.rosctr
 * s7comm.header.pduref s7comm.param.func s7comm.param.item.area s7comm.param.item.db
 * s7comm.param.item.address.byte s7comm.param.itemcount s7comm.header.errcls s7comm.header.errcod
 * s7comm.param.userdata.funcgroup s7comm.param.userdata.subfunc s7comm.data.returncode}.
 *
 * <p>tshark gives one line per frame (one PDU per frame in these captures); we give one event per
 * request/response pair. So each capture is compared as three multisets of PDU facts that both
 * decode: job PDUs (function, first item's area, DB number, byte address, item count), ack /
 * ack_data PDUs (function, error class, error code) and userdata PDUs (function group,
 * subfunction). An event of a pair contributes its request to one and its response to another.
 *
 * <p>Known, deliberate differences:
 * <ul>
 * <li>An ack_data reporting an error may carry no parameter part, hence no function (snap7's
 *     start-upload refused with 0xd20c); tshark then has no function, while our pair has the
 *     request's. Failed responses are compared without their function.</li>
 * <li>(none in the current captures) tshark gives the DB number of every item, 0 outside DB/DI; we give db_number for DB and DI
 *     areas only, so tshark's is dropped for other areas before comparing.</li>
 * <li>(none in the current captures) A job whose response is lost and whose PDU reference is reused counts once in both (we flush
 *     the first request unpaired); a response whose request precedes the capture counts as a lone
 *     response in both.</li>
 * </ul>
 */
class S7commTsharkConformanceTest {
    private static final String F = "fenghuo.ics.s7comm.";

    @Test
    void agreesWithTshark() throws IOException, URISyntaxException {
        List<TsharkTsv.Case> cases = TsharkTsv.cases("s7comm");
        long agreed = 0;
        long total = 0;
        for (TsharkTsv.Case recorded : cases) {
            Path tsv = recorded.tsv();
            Path capture = recorded.capture();
            String rel = recorded.name();
            Map<String, Integer> theirs = tshark(tsv);
            TestCapture.Decoded decoded = TestCapture.decodeFile(capture, AppProtocols.of(new S7commProtocol()));
            Map<String, Integer> ours = ours(decoded.events());
            long both = Multisets.matched(theirs, ours);
            long size = Math.max(Multisets.count(theirs), Multisets.count(ours));
            agreed += both;
            total += size;
            System.out.printf("s7comm vs tshark %s: %d of %d PDU facts agree, %d dead letters%n", rel, both, size,
                    decoded.deadLetters().size());
            if (both < size) {
                Map<String, Integer> onlyTheirs = Multisets.difference(theirs, ours);
                Map<String, Integer> onlyOurs = Multisets.difference(ours, theirs);
                System.out.printf("  only tshark: %s%n  only ours: %s%n", limit(onlyTheirs), limit(onlyOurs));
            }
        }
        double rate = total == 0 ? 1 : (double) agreed / total;
        System.out.printf("s7comm vs tshark: %d of %d PDU facts agree (%.2f%%)%n", agreed, total, 100 * rate);
        assertThat(total).isPositive();
        assertThat(rate).isGreaterThanOrEqualTo(0.99);
    }

    /** Every ICS capture (S7comm-plus, MMS on port 102, other protocols) goes through without analyzer failure. */
    @Test
    void everyIcsCaptureDecodesCleanly() throws IOException {
        List<Path> files = SharedData.files(SharedData.require("captures/ics"), ".pcap", ".pcapng", ".cap");
        Map<String, Integer> actions = new java.util.TreeMap<>();
        Map<String, Long> malformed = new java.util.TreeMap<>();
        for (Path capture : files) {
            PcapFileDecoder.Result r;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(capture))) {
                r = new PcapFileDecoder(FlowTableConfig.defaults(), AppProtocols.of(new S7commProtocol()),
                        e -> {
                            if ("pcap.s7comm".equals(e.event().dataset())) {
                                actions.merge(e.event().action(), 1, Integer::sum);
                            }
                        }, letter -> { }).decode(capture, in);
            }
            r.app().malformedByReason().forEach((k, v) -> malformed.merge(k, v, Long::sum));
            if (!r.app().malformedByReason().isEmpty()) {
                System.out.printf("  %s: %s%n", capture.getFileName(), r.app().malformedByReason());
            }
        }
        System.out.printf("s7comm over %d ICS captures: %s; malformed %s%n", files.size(), actions, malformed);
        assertThat(malformed).doesNotContainKey("s7comm: analyzer failure");
        assertThat(actions).containsKeys("s7comm-read-var", "s7commplus-pdu", "s7comm-cotp-connect");
    }

    /** One key per PDU tshark decoded, e.g. "job 0x04 DB 1 0 1", "ack 0x04 0x00 0x00", "userdata cpu 1". */
    private static Map<String, Integer> tshark(Path tsv) throws IOException {
        TsharkTsv table = TsharkTsv.read(tsv);
        Map<String, Integer> keys = new HashMap<>();
        for (String[] cells : table.rows()) {
            Map<String, String> row = new HashMap<>();
            table.named(cells).forEach((field, cell) -> {
                String first = cell.split(",", -1)[0];
                row.put(field, first.isEmpty() ? null : first);
            });
            int rosctr = Integer.decode(row.get("s7comm.header.rosctr"));
            Integer fn = decode(row.get("s7comm.param.func"));
            String key;
            if (rosctr == S7Names.ROSCTR_JOB) {
                Integer area = decode(row.get("s7comm.param.item.area"));
                Integer db = area != null && (area == 0x84 || area == 0x85) ? decode(row.get("s7comm.param.item.db"))
                        : null;
                key = job(fn, area == null ? null : S7Names.area(area), db,
                        decode(row.get("s7comm.param.item.address.byte")), decode(row.get("s7comm.param.itemcount")));
            } else if (rosctr == S7Names.ROSCTR_USERDATA) {
                key = userdata(S7Names.group(decode(row.get("s7comm.param.userdata.funcgroup"))),
                        decode(row.get("s7comm.param.userdata.subfunc")));
            } else {
                key = ack(fn, decode(row.get("s7comm.header.errcls")), decode(row.get("s7comm.header.errcod")));
            }
            keys.merge(key, 1, Integer::sum);
        }
        return keys;
    }

    private static Map<String, Integer> ours(List<SecurityEvent> events) {
        Map<String, Integer> keys = new HashMap<>();
        for (SecurityEvent e : events) {
            if (!"pcap.s7comm".equals(e.event().dataset()) || field(e, "rosctr") == null) {
                continue;
            }
            SecurityEvent.Ics ics = e.fenghuo().ics();
            List<Object> rosctrs = new ArrayList<>();
            rosctrs.add(field(e, "rosctr"));
            if (field(e, "response_rosctr") != null) {
                rosctrs.add(field(e, "response_rosctr"));
            }
            for (Object rosctr : rosctrs) {
                String key = switch ((String) rosctr) {
                    case "job" -> job(ics.functionCode(), (String) field(e, "area"), (Integer) field(e, "db_number"),
                            ics.address() == null ? null : ics.address().intValue(),
                            ics.quantity() == null ? null : ics.quantity().intValue());
                    case "userdata" -> userdata((String) field(e, "userdata_group"), ics.functionCode());
                    default -> ack(ics.functionCode(), (Integer) field(e, "error_class"),
                            (Integer) field(e, "error_code"));
                };
                keys.merge(key, 1, Integer::sum);
            }
        }
        return keys;
    }

    private static String job(Integer fn, String area, Integer db, Integer address, Integer items) {
        return "job " + hex(fn) + " " + area + " " + db + " " + address + " " + items;
    }

    /** A failed ack_data may have no parameter part: its function is then the request's, see the class comment. */
    private static String ack(Integer fn, Integer errorClass, Integer errorCode) {
        boolean failed = errorClass != null && errorClass != 0;
        return "ack " + (failed ? "*" : hex(fn)) + " " + hex(errorClass) + " " + hex(errorCode);
    }

    private static String userdata(String group, Integer subfunction) {
        return "userdata " + group + " " + subfunction;
    }

    private static String hex(Integer v) {
        return v == null ? "-" : String.format("0x%02x", v);
    }

    private static Integer decode(String s) {
        return s == null ? null : Integer.decode(s);
    }

    static Object field(SecurityEvent e, String name) {
        return ExtraFields.get(e, F + name);
    }

    private static String limit(Map<String, Integer> m) {
        return m.entrySet().stream().limit(8).map(Object::toString).toList().toString();
    }
}
