package org.fenghuo.bench.syslog;

/** Realistic lines per payload format, varied by index so no two consecutive lines are equal. */
final class BenchLines {

    private BenchLines() {
    }

    static String line(String format, int i) {
        String ip = "10." + (i >>> 8 & 0xff) + "." + (i & 0xff) + "." + (1 + i % 250);
        int port = 1024 + i * 37 % 60000;
        String ts = "2026-11-24T10:" + two(i / 60 % 60) + ":" + two(i % 60) + ".123+08:00";
        return switch (format) {
            case "rfc5424", "rfc5424-rules" -> "<38>1 " + ts + " gw-" + (i % 7) + " sshd " + (1000 + i % 5000)
                    + " - [origin ip=\"" + ip + "\"] Failed password for invalid user admin from " + ip + " port "
                    + port + " ssh2";
            case "cef" -> "<134>1 " + ts + " ids0" + (i % 4) + " IPS - - - CEF:0|Shield|Edge IPS|5.2|" + (4000 + i % 50)
                    + "|Port scan|" + (i % 11) + "|src=" + ip + " spt=" + port + " dst=172.16.0." + (i % 200)
                    + " dpt=3389 proto=TCP act=blocked suser=user" + (i % 90) + " cs1Label=zone cs1=DMZ west"
                    + " rt=1795479302120 msg=probe detected on 3 ports";
            case "fortigate" -> "<189>Nov 24 10:11:" + two(i % 60) + " FG-HUB-01 date=2026-11-24 time=10:11:"
                    + two(i % 60) + " devname=\"FG-HUB-01\" devid=\"FG200FT922900001\" logid=\"0000000013\" "
                    + "type=\"traffic\" subtype=\"forward\" level=\"notice\" vd=\"root\" srcip=" + ip + " srcport=" + port
                    + " srcintf=\"port3\" dstip=203.0.113." + (i % 200) + " dstport=443 dstintf=\"wan1\" sessionid="
                    + (900000 + i) + " proto=6 action=\"accept\" policyid=12 policyname=\"web out\" service=\"HTTPS\" "
                    + "sentbyte=" + (i * 13) + " rcvdbyte=" + (i * 97) + " duration=" + (i % 300);
            case "asa" -> "<166>Nov 24 10:11:" + two(i % 60) + " asa-edge %ASA-6-302013: Built inbound TCP connection "
                    + (800000 + i) + " for outside:" + ip + "/" + port + " (" + ip + "/" + port + ") to dmz:172.16.0."
                    + (i % 200) + "/443 (198.51.100.10/443)";
            case "json" -> "<14>1 " + ts + " gw01 edge-agent 311 - - {\"event\":{\"action\":\"door-open\","
                    + "\"outcome\":\"success\"},\"source.ip\":\"" + ip + "\",\"user\":{\"name\":\"guard" + (i % 40)
                    + "\"},\"camera\":{\"id\":" + i + ",\"zone\":\"B2\"},\"temp\":21.5}";
            case "kv" -> "<30>Nov 24 10:11:" + two(i % 60) + " nvr-3 recorder: cam=" + (i % 300) + " status=\"signal lost\" "
                    + "site=east-gate retries=" + (i % 5) + " peer=" + ip;
            default -> throw new IllegalArgumentException("unknown format " + format);
        };
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
