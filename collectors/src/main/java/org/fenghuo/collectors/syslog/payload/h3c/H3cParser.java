package org.fenghuo.collectors.syslog.payload.h3c;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.collectors.syslog.payload.DeviceTimes;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.FirewallFields;
import org.fenghuo.collectors.syslog.payload.InfoCenterHeader;
import org.fenghuo.collectors.syslog.payload.SignatureParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;

/**
 * H3C Comware ({@code %%10MODULE/severity/BRIEF: text}). Session and filter logs carry
 * {@code Name(id)=value;} pairs ({@code SrcIPAddr(1003)=10.1.1.2;DstPort(1008)=443;}); the numeric
 * id is the field's code and is dropped from the name. FILTER and SESSION logs are network
 * connections (the {@code Event(1048)} text says created/deleted/denied), SHELL/SSHS login lines
 * are authentication. Unmapped keys go to {@code fenghuo.h3c.<key>}.
 */
public final class H3cParser extends SignatureParser {

    public static final String NAME = "h3c";
    private static final int MAX_PAIRS = 128;
    private static final Pattern LOGIN = Pattern.compile(
            "^(?:User )?(\\S+?)(?: \\(?[^)]*\\)?)? (?:logged in|failed to log in) from ([0-9a-fA-F.:]+)");

    public H3cParser() {
        super(NAME, "%%10");
    }

    @Override
    protected PayloadResult parseFrom(String text) {
        InfoCenterHeader h = InfoCenterHeader.read(text);
        if (h == null) {
            return new PayloadResult.Malformed("H3C header is not %%10MODULE/severity/BRIEF:");
        }
        EcsFields f = new EcsFields();
        h.putCommon(f, "H3C", "Comware");
        String event = pairs(f, h.description());
        categorise(f, h, event);
        return new PayloadResult.Parsed(f);
    }

    /** Reads {@code Name(id)=value;} pairs; returns the Event pair's text, if any. */
    private static String pairs(EcsFields f, String d) {
        String event = null;
        int i = 0;
        int n = d.length();
        int pairs = 0;
        while (i < n && pairs < MAX_PAIRS) {
            int eq = d.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            int end = d.indexOf(';', eq);
            if (end < 0) {
                end = n;
            }
            String name = d.substring(i, eq).trim();
            int paren = name.indexOf('(');
            if (paren > 0 && name.endsWith(")")) {
                name = name.substring(0, paren);
            }
            String value = d.substring(eq + 1, end).trim();
            if (!name.isEmpty() && name.indexOf(' ') < 0) {
                pairs++;
                if (name.equals("Event")) {
                    event = value;
                    f.put("event.action", eventText(value));
                } else if (name.startsWith("BeginTime") || name.startsWith("EndTime")) {
                    Instant t = DeviceTimes.parse(value);
                    f.put(t == null ? "fenghuo.h3c." + name : name.startsWith("Begin") ? "event.start" : "event.end",
                            t == null ? value : t);
                } else {
                    FirewallFields.put(f, "h3c", name, value);
                }
            }
            i = end + 1;
        }
        return event;
    }

    /** "(8)Session created" to "session created". */
    private static String eventText(String v) {
        int close = v.startsWith("(") ? v.indexOf(')') : -1;
        return (close > 0 ? v.substring(close + 1) : v).trim().toLowerCase(Locale.ROOT);
    }

    private static void categorise(EcsFields f, InfoCenterHeader h, String event) {
        String module = h.module().toUpperCase(Locale.ROOT);
        String brief = h.brief().toUpperCase(Locale.ROOT);
        String ev = event == null ? "" : event.toLowerCase(Locale.ROOT);
        if (module.equals("FILTER") || module.equals("SESSION") || module.equals("SECP") || module.equals("ACL")) {
            boolean denied = ev.contains("deny") || ev.contains("denied") || ev.contains("drop")
                    || brief.contains("DENY");
            FirewallFields.connection(f, ev.contains("deleted") ? "end" : ev.contains("created") ? "start" : null, denied);
            if (denied) {
                f.put("event.type", List.of("connection", "denied"));
            }
        } else if (brief.contains("LOGIN") || brief.contains("AUTH")) {
            boolean failed = brief.contains("FAIL") || h.description().contains("failed");
            f.put("event.category", List.of("authentication"));
            f.put("event.type", List.of("start"));
            f.put("event.action", brief.toLowerCase(Locale.ROOT));
            f.put("event.outcome", failed ? "failure" : "success");
            Matcher m = LOGIN.matcher(h.description());
            if (m.find()) {
                f.putIfAbsent("user.name", m.group(1));
                f.putIfAbsent("source.ip", m.group(2).endsWith(".") ? m.group(2).substring(0, m.group(2).length() - 1)
                        : m.group(2));
            }
        }
    }
}
