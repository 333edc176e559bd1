package org.fenghuo.collectors.syslog.payload.huawei;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.fenghuo.collectors.syslog.payload.DeviceTimes;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.FirewallFields;
import org.fenghuo.collectors.syslog.payload.InfoCenterHeader;
import org.fenghuo.collectors.syslog.payload.KvScanner;
import org.fenghuo.collectors.syslog.payload.SignatureParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;
import org.fenghuo.collectors.syslog.payload.PayloadText;

/**
 * Huawei USG / HiSecEngine (VRP information center, {@code %%01MODULE/severity/BRIEF(type):text}).
 * The description is {@code key=value} pairs separated by commas (policy logs:
 * {@code source-ip=..., destination-port=..., rule-name=...}; session logs:
 * {@code IPVer=4,Protocol=tcp,SourceIP=...}), or prose with the pairs in a trailing
 * {@code (Key=Value, ...)}. POLICYPERMIT/POLICYDENY are allowed/denied connections, SESSION_* are
 * connection ends, briefs with LOGIN/LOGON are authentication. Unmapped keys go to
 * {@code fenghuo.huawei.<key>}.
 */
public final class HuaweiUsgParser extends SignatureParser {

    public static final String NAME = "huawei-usg";
    private static final int MAX_PAIRS = 128;

    private final KvScanner commas = new KvScanner(',', MAX_PAIRS);
    private final KvScanner semicolons = new KvScanner(';', MAX_PAIRS);

    public HuaweiUsgParser() {
        super(NAME, "%%01");
    }

    @Override
    protected PayloadResult parseFrom(String text) {
        InfoCenterHeader h = InfoCenterHeader.read(text);
        if (h == null) {
            return new PayloadResult.Malformed("Huawei header is not %%01MODULE/severity/BRIEF:");
        }
        EcsFields f = new EcsFields();
        h.putCommon(f, "Huawei", "USG");
        String desc = pairsOf(h.description());
        if (desc != null) {
            KvScanner scanner = count(desc, ';') > count(desc, ',') ? semicolons : commas;
            scanner.scan(desc, 0, (k, v) -> pair(f, k, v));
        }
        categorise(f, h.brief().toUpperCase(Locale.ROOT), h.module().toUpperCase(Locale.ROOT));
        return new PayloadResult.Parsed(f);
    }

    /** The pairs part: the whole description, or the trailing "(...)" of prose; trailing '.' dropped. */
    private static String pairsOf(String d) {
        String s = d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
        int eq = s.indexOf('=');
        if (eq < 0) {
            return null;
        }
        int open = s.lastIndexOf('(', eq);
        if (open >= 0 && s.endsWith(")") && (open == 0 || s.charAt(open - 1) == ' ')) {
            return s.substring(open + 1, s.length() - 1);
        }
        return s;
    }

    private static void pair(EcsFields f, String key, String value) {
        String k = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (k) {
            case "time" -> time(f, "@timestamp", key, value);
            case "begintime" -> time(f, "event.start", key, value);
            case "endtime" -> time(f, "event.end", key, value);
            default -> FirewallFields.put(f, "huawei", key, value);
        }
    }

    private static void time(EcsFields f, String ecs, String key, String value) {
        Instant t = DeviceTimes.parse(value);
        f.put(t != null ? ecs : "fenghuo.huawei." + PayloadText.fieldName(key), t != null ? t : value);
    }

    private static void categorise(EcsFields f, String brief, String module) {
        if (brief.contains("POLICYPERMIT")) {
            FirewallFields.connection(f, null, false);
            f.put("event.action", "permit");
        } else if (brief.contains("POLICYDENY")) {
            FirewallFields.connection(f, null, true);
            f.put("event.action", "deny");
        } else if (brief.startsWith("SESSION")) {
            f.put("event.category", List.of("network"));
            f.put("event.type", List.of("connection", brief.contains("TEARDOWN") || brief.contains("END") ? "end" : "info"));
            f.put("event.action", brief.toLowerCase(Locale.ROOT));
        } else if (brief.contains("LOGIN") || brief.contains("LOGON") || module.equals("AAA")) {
            boolean failed = brief.contains("FAIL");
            f.put("event.category", List.of("authentication"));
            f.put("event.type", List.of("start"));
            f.put("event.action", brief.toLowerCase(Locale.ROOT));
            f.put("event.outcome", failed ? "failure" : brief.contains("SUCC") || brief.endsWith("LOGIN") ? "success"
                    : "unknown");
        } else if (brief.equals("CMDRECORD")) {
            f.put("event.category", List.of("configuration"));
            f.put("event.type", List.of("change"));
            f.put("event.action", "command-executed");
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
