package org.fenghuo.collectors.syslog.access;

import java.time.Instant;
import java.util.ArrayList;
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

    private static final Pattern SIGNATURE =
            Pattern.compile("^(?:\\S+ ){3,4}\\[\\d{1,2}/[A-Za-z]{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d ?[^\\]]*\\] \"");
    private static final Pattern REQUEST = Pattern.compile("([A-Za-z][A-Za-z_-]*) (\\S+)(?: HTTP/(\\d+(?:\\.\\d+)?))?");

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
        EcsFields f = new EcsFields();
        f.put("event.kind", "event").put("event.category", List.of("web")).put("event.type", List.of("access"));
        String problem = read(new AccessLine(text), f);
        return problem == null ? new PayloadResult.Parsed(f) : new PayloadResult.Malformed(NAME + ": " + problem);
    }

    /** Reads the line into {@code f}; returns what was wrong, or null. */
    private static String read(AccessLine line, EcsFields f) {
        List<String> words = new ArrayList<>(4);
        while (line.peek() != '[' && words.size() < 4) {
            String word = line.word();
            if (word == null || !line.space()) {
                break;
            }
            words.add(word);
        }
        if (words.size() < 3 || line.peek() != '[') {
            return "expected CLIENT IDENT USER [TIME] \"REQUEST\" STATUS BYTES";
        }
        int at = words.size() - 3; // four words: Apache's vhost_combined leads with vhost:port
        f.put("fenghuo.access.vhost", at == 1 ? words.get(0) : null);
        Addresses.putHost(f, "source", words.get(at));
        f.put("fenghuo.access.ident", dash(words.get(at + 1))).put("user.name", dash(words.get(at + 2)));
        String time = line.bracketed();
        if (time == null) {
            return "no closed [TIME]";
        }
        Instant start = HttpdTimes.clf(time);
        if (start == null) {
            return "time '" + time + "' is not dd/Mon/yyyy:HH:mm:ss +zone";
        }
        f.put("event.start", start);
        String request = line.space() ? line.quoted() : null;
        if (request == null) {
            return "no closed \"REQUEST\" after the time";
        }
        request(unescape(request), f);
        String status = line.space() ? line.word() : null;
        String bytes = line.space() ? line.word() : null;
        if (!isNumberOrDash(status, 3) || !isNumberOrDash(bytes, 18)) {
            return "status '" + status + "' and bytes '" + bytes + "' must be numbers or -";
        }
        if (!status.equals("-")) {
            long code = Long.parseLong(status);
            f.put("http.response.status_code", code);
            f.put("event.outcome", code < 400 ? "success" : "failure");
        }
        f.put("http.response.body.bytes", bytes.equals("-") ? null : Long.parseLong(bytes));
        return combined(line, f);
    }

    /** The combined format's {@code "REFERER" "USER-AGENT"} and whatever a site added after them. */
    private static String combined(AccessLine line, EcsFields f) {
        if (line.space() && line.peek() == '"') {
            String referrer = line.quoted();
            String agent = referrer != null && line.space() ? line.quoted() : null;
            if (agent == null) {
                return "a \"REFERER\" without a closed \"USER-AGENT\" after it";
            }
            f.put("http.request.referrer", dash(unescape(referrer)));
            f.put("user_agent.original", dash(unescape(agent)));
            line.space();
        }
        f.put("fenghuo.access.extra", line.rest());
        return null;
    }

    private static boolean isNumberOrDash(String word, int maxDigits) {
        return word != null && (word.equals("-") || word.length() <= maxDigits
                && word.chars().allMatch(c -> c >= '0' && c <= '9'));
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
