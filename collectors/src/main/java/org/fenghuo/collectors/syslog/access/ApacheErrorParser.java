package org.fenghuo.collectors.syslog.access;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.collectors.syslog.linux.Addresses;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;

/**
 * Apache httpd's error log in its default formats: 2.2's {@code [Sun Dec 04 04:47:44 2005]
 * [error] [client 1.2.3.4] TEXT} and 2.4's {@code [Wed Oct 11 14:32:52.123456 2000] [core:error]
 * [pid 35708:tid 4328636416] [client 1.2.3.4:5000] AH00124: TEXT}. The time has no zone: it is
 * read in the zone given (UTC by default). In 2.4 lines (those with a module or a pid) the client
 * is {@code address:port}, split at the last colon, which is also how an IPv6 client is told
 * from its port; 2.2 lines never carry a port.
 */
public final class ApacheErrorParser implements PayloadParser {

    public static final String NAME = "apache_error";

    private static final Pattern SIGNATURE = Pattern.compile("^\\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} ");
    private static final Pattern LINE = Pattern.compile("\\[([^\\]]+)\\] \\[(?:([\\w-]+):)?(\\w+)\\]"
            + "(?: \\[pid (\\d+)(?::tid (\\d+))?\\])?(?: \\[client ([^\\]]+)\\])?(?: (.*))?");
    private static final Pattern CODE = Pattern.compile("(AH\\d{5}): (.*)", Pattern.DOTALL);
    private static final Set<String> ERRORS = Set.of("emerg", "alert", "crit", "error");

    private final ZoneId zone;

    /** Times read in the input's zone ({@link PayloadInput#zone()}). */
    public ApacheErrorParser() {
        this.zone = null;
    }

    /** @param zone the server's time zone, which its error log does not write, whatever the input's */
    public ApacheErrorParser(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

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
            return new PayloadResult.Malformed(NAME + ": expected [TIME] [LEVEL] [client ADDRESS] TEXT");
        }
        EcsFields f = new EcsFields();
        Instant start = HttpdTimes.errorLog(m.group(1), zone != null ? zone : input.zone());
        if (start == null) {
            return new PayloadResult.Malformed(NAME + ": time '" + m.group(1) + "' is not 'Www Mmm dd HH:mm:ss yyyy'");
        }
        f.put("event.start", start);
        String level = m.group(3).toLowerCase(Locale.ROOT);
        f.put("event.kind", "event").put("event.category", List.of("web"))
                .put("event.type", List.of(ERRORS.contains(level) ? "error" : "info"));
        f.put("log.level", level).put("fenghuo.apache.module", m.group(2));
        if (m.group(4) != null) {
            f.put("process.pid", Long.parseLong(m.group(4)));
            f.put("process.thread.id", m.group(5) == null ? null : Long.parseLong(m.group(5)));
        }
        boolean withPort = m.group(2) != null || m.group(4) != null;
        if (!client(m.group(6), withPort, f)) {
            return new PayloadResult.Malformed(NAME + ": client '" + m.group(6) + "' has no valid port");
        }
        text(m.group(7), f);
        return new PayloadResult.Parsed(f);
    }

    private static boolean client(String client, boolean withPort, EcsFields f) {
        if (client == null) {
            return true;
        }
        int colon = client.lastIndexOf(':');
        if (!withPort || colon < 0) {
            Addresses.putHost(f, "source", client);
            return true;
        }
        Addresses.putHost(f, "source", client.substring(0, colon));
        return Addresses.putPort(f, "source", client.substring(colon + 1));
    }

    /** The AH code and a trailing {@code , referer: URL} are fields; the rest is the message. */
    private static void text(String text, EcsFields f) {
        if (text == null) {
            return;
        }
        String message = text;
        int referer = message.lastIndexOf(", referer: ");
        if (referer >= 0) {
            f.put("http.request.referrer", message.substring(referer + ", referer: ".length()));
            message = message.substring(0, referer);
        }
        Matcher code = CODE.matcher(message);
        if (code.matches()) {
            f.put("error.code", code.group(1));
            message = code.group(2);
        }
        f.put("message", message);
    }
}
