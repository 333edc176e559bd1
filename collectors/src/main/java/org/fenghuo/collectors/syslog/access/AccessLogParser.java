package org.fenghuo.collectors.syslog.access;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.collectors.syslog.linux.Addresses;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;

/**
 * nginx and Apache access lines in the NCSA {@code common} and {@code combined} formats, the
 * defaults of both servers: {@code CLIENT IDENT USER [TIME] "REQUEST" STATUS BYTES ["REFERER"
 * "USER-AGENT"]}, optionally led by Apache's {@code vhost:port} ({@code vhost_combined}) and
 * followed by fields a site added (kept in {@code fenghuo.access.extra}). Whether it came through
 * syslog or is a bare file line makes no difference: the app-name is not checked, the line's
 * shape is ({@code [dd/Mon/yyyy:HH:mm:ss +zone]} then a quoted request).
 *
 * <p>A request that is not {@code METHOD TARGET [HTTP/x.y]} (TLS bytes sent to a plain-HTTP
 * port, scanners' garbage, {@code -} for a connection closed before a request) is still a
 * correctly written access line: it is Parsed, with the request as written in
 * {@code fenghuo.access.request} and no method or URL. The servers escape {@code "} and
 * {@code \} in quoted fields ({@code \"}, {@code \\}), which are unescaped here; {@code \xHH}
 * escapes of other bytes are kept as written (the bytes' encoding is unknown).
 */
public final class AccessLogParser implements PayloadParser {

    public static final String NAME = "access_combined";

    private static final String QUOTED = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern SIGNATURE =
            Pattern.compile("^(?:\\S+ ){3,4}\\[\\d{1,2}/[A-Za-z]{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d ?[^\\]]*\\] \"");
    private static final Pattern LINE = Pattern.compile("(?:(\\S+) )?(\\S+) (\\S+) (\\S+) \\[([^\\]]+)\\] " + QUOTED
            + " (\\d{3}|-) (\\d{1,18}|-)(?: " + QUOTED + " " + QUOTED + ")?(?: (.*))?");
    private static final Pattern REQUEST = Pattern.compile("([A-Za-z][A-Za-z_-]*) (\\S+)(?: HTTP/(\\d+(?:\\.\\d+)?))?");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PayloadResult parse(PayloadInput input) {
        String text = input.message().strip();
        if (!SIGNATURE.matcher(text).find()) {
            return PayloadResult.NOT_MINE;
        }
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            return new PayloadResult.Malformed(NAME + ": the line starts like an access log line but does not read as "
                    + "CLIENT IDENT USER [TIME] \"REQUEST\" STATUS BYTES [\"REFERER\" \"USER-AGENT\"]");
        }
        EcsFields f = new EcsFields();
        f.put("event.kind", "event").put("event.category", List.of("web")).put("event.type", List.of("access"));
        f.put("fenghuo.access.vhost", m.group(1));
        Addresses.putHost(f, "source", m.group(2));
        f.put("fenghuo.access.ident", dash(m.group(3))).put("user.name", dash(m.group(4)));
        try {
            f.put("event.start", OffsetDateTime.parse(m.group(5), TIME).toInstant());
        } catch (DateTimeParseException e) {
            return new PayloadResult.Malformed(NAME + ": time '" + m.group(5) + "' is not dd/Mon/yyyy:HH:mm:ss +zone");
        }
        request(unescape(m.group(6)), f);
        if (!m.group(7).equals("-")) {
            long status = Long.parseLong(m.group(7));
            f.put("http.response.status_code", status);
            f.put("event.outcome", status < 400 ? "success" : "failure");
        }
        if (!m.group(8).equals("-")) {
            f.put("http.response.body.bytes", Long.parseLong(m.group(8)));
        }
        if (m.group(9) != null) {
            f.put("http.request.referrer", dash(unescape(m.group(9))));
            f.put("user_agent.original", dash(unescape(m.group(10))));
        }
        f.put("fenghuo.access.extra", m.group(11));
        return new PayloadResult.Parsed(f);
    }

    private static void request(String request, EcsFields f) {
        Matcher r = REQUEST.matcher(request);
        if (!r.matches()) {
            f.put("fenghuo.access.request", dash(request));
            return;
        }
        f.put("http.request.method", r.group(1).toUpperCase(Locale.ROOT));
        String target = r.group(2);
        f.put("url.original", target);
        f.put("http.version", r.group(3));
        if (target.startsWith("/")) {
            int query = target.indexOf('?');
            f.put("url.path", query < 0 ? target : target.substring(0, query));
            f.put("url.query", query < 0 ? null : target.substring(query + 1));
        }
    }

    private static String dash(String value) {
        return value == null || value.equals("-") ? null : value;
    }

    /** {@code \"} and {@code \\} to {@code "} and {@code \}; any other escape stays as written. */
    static String unescape(String quoted) {
        if (quoted == null || quoted.indexOf('\\') < 0) {
            return quoted;
        }
        StringBuilder b = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            char next = i + 1 < quoted.length() ? quoted.charAt(i + 1) : 0;
            if (c == '\\' && (next == '"' || next == '\\')) {
                b.append(next);
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
