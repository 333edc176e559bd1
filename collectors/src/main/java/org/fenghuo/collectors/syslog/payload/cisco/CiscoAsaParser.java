package org.fenghuo.collectors.syslog.payload.cisco;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.SignatureParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;
import org.fenghuo.collectors.syslog.payload.PayloadText;

/**
 * Cisco ASA (and FTD in ASA format) {@code %ASA-<severity>-<message id>: <text>}. The message ids
 * city networks see most are read into ECS (ACL deny/permit 106023/106100/710003, connection
 * built/teardown 302013-302016, AAA 113004/113005/113015, login 605004/605005, command 111008,
 * threat detection 733100); any other id is still Parsed with {@code event.code},
 * {@code event.severity} and the text as {@code message}, so nothing is lost. A known id whose
 * text does not fit its documented layout is Parsed the same way and tagged
 * {@code fenghuo.cisco_asa.layout_mismatch}. One precompiled pattern per id, matched only on lines
 * of that id.
 */
public final class CiscoAsaParser extends SignatureParser {

    public static final String NAME = "cisco-asa";
    private static final String SIGNATURE = "%ASA-";
    private static final String FTD = "%FTD-";

    private static final String ADDR = "([^\\s:/]+):([0-9a-fA-F.:]+)/(\\d+)";

    private static final Pattern P106023 = Pattern.compile(
            "^Deny (\\S+) src " + ADDR + "(?: \\([^)]*\\))? dst " + ADDR + ".*?by access-group \"([^\"]*)\"");
    private static final Pattern P106100 = Pattern.compile(
            "^access-list (\\S+) (permitted|denied|est-allowed) (\\S+) ([^\\s/]+)/([0-9a-fA-F.:]+)\\((\\d+)\\)"
                    + "(?:\\([^)]*\\))? -> ([^\\s/]+)/([0-9a-fA-F.:]+)\\((\\d+)\\)");
    private static final Pattern P3020XX_BUILT = Pattern.compile(
            "^Built (inbound|outbound) (TCP|UDP) connection (\\d+) for " + ADDR + " \\([^)]*\\)(?: \\(([^)]*)\\))?"
                    + " to " + ADDR + " \\([^)]*\\)(?: \\(([^)]*)\\))?");
    private static final Pattern P3020XX_TEARDOWN = Pattern.compile(
            "^Teardown (TCP|UDP) connection (\\d+) for " + ADDR + "(?: \\(([^)]*)\\))? to " + ADDR
                    + "(?: \\(([^)]*)\\))? duration (\\d+):(\\d\\d):(\\d\\d) bytes (\\d+)(?: (.*))?$");
    private static final Pattern P113004 = Pattern.compile(
            "^AAA user (authentication|authorization) Successful\\s*: server =\\s*(\\S+)\\s*: user =\\s*(.*?)\\s*$");
    private static final Pattern P113005 = Pattern.compile(
            "^AAA user (authentication|authorization) Rejected\\s*: reason =\\s*(.*?)\\s*: (?:server =\\s*(\\S+)|local database)"
                    + "\\s*: user =\\s*(.*?)\\s*(?:: user IP =\\s*(\\S+))?\\s*$");
    private static final Pattern P60500X = Pattern.compile(
            "^Login (denied|permitted) from ([0-9a-fA-F.:]+)/(\\d+) to ([^\\s:]+):([0-9a-fA-F.:]+)/(\\S+) for user \"([^\"]*)\"");
    private static final Pattern P111008 = Pattern.compile("^User '?([^' ]+)'? executed (?:the )?'?(.*?)'? command\\.?$");
    private static final Pattern P710003 = Pattern.compile(
            "^(TCP|UDP) access denied by ACL from ([0-9a-fA-F.:]+)/(\\d+) to ([^\\s:]+):([0-9a-fA-F.:]+)/(\\d+)");
    // the bracketed name is trimmed in code: "\\s*(.*?)\\s*" backtracked cubically on a run of spaces
    private static final Pattern P733100 = Pattern.compile("^\\[([^\\]]*)\\] drop (rate-\\d+) exceeded");

    public CiscoAsaParser() {
        super(NAME, SIGNATURE, FTD);
    }

    @Override
    protected PayloadResult parseFrom(String text) {
        // %ASA-6-302013: text
        int dash1 = 4;
        int dash2 = text.indexOf('-', dash1 + 1);
        int colon = text.indexOf(':', dash1 + 1);
        if (dash2 < 0 || colon < 0 || dash2 > colon) {
            return new PayloadResult.Malformed("Cisco message id is not %ASA-<severity>-<id>:");
        }
        Long severity = PayloadText.parseLong(text.substring(dash1 + 1, dash2));
        String id = text.substring(dash2 + 1, colon);
        if (severity == null || severity < 0 || severity > 7 || PayloadText.parseLong(id) == null) {
            return new PayloadResult.Malformed("Cisco message id '" + text.substring(1, colon) + "' is not <product>-<0-7>-<number>");
        }
        String body = text.substring(colon + 1).strip();
        EcsFields f = new EcsFields();
        f.put("observer.vendor", "Cisco");
        f.put("observer.product", text.startsWith(FTD) ? "FTD" : "ASA");
        f.put("observer.type", "firewall");
        f.put("event.code", id);
        f.put("event.severity", severity);
        f.put("log.level", LEVELS[severity.intValue()]);
        f.put("message", body);
        if (!known(f, id, body)) {
            f.put("fenghuo.cisco_asa.layout_mismatch", true);
        }
        return new PayloadResult.Parsed(f);
    }

    private static final String[] LEVELS = {"emergencies", "alerts", "critical", "errors", "warnings", "notifications",
        "informational", "debugging"};

    /** False only when a known id's text does not match its layout; unknown ids are fine as they are. */
    private static boolean known(EcsFields f, String id, String body) {
        return switch (id) {
            case "106023" -> match(P106023, body, m -> {
                network(f, "denied", m.group(1));
                endpoint(f, "source", m.group(2), m.group(3), m.group(4));
                endpoint(f, "destination", m.group(5), m.group(6), m.group(7));
                f.put("rule.name", m.group(8));
                outcome(f, "deny", "failure");
            });
            case "106100" -> match(P106100, body, m -> {
                boolean permitted = !m.group(2).equals("denied");
                network(f, permitted ? "allowed" : "denied", m.group(3));
                f.put("rule.name", m.group(1));
                endpoint(f, "source", m.group(4), m.group(5), m.group(6));
                endpoint(f, "destination", m.group(7), m.group(8), m.group(9));
                outcome(f, m.group(2), permitted ? "success" : "failure");
            });
            case "302013", "302015" -> match(P3020XX_BUILT, body, m -> {
                boolean inbound = m.group(1).equals("inbound");
                f.put("event.category", List.of("network"));
                f.put("event.type", List.of("connection", "start", "allowed"));
                transport(f, m.group(2));
                f.put("network.direction", inbound ? "inbound" : "outbound");
                f.put("fenghuo.cisco_asa.connection_id", m.group(3));
                // "for" is the initiator of an inbound connection, the responder of an outbound one
                String from = inbound ? "source" : "destination";
                String to = inbound ? "destination" : "source";
                endpoint(f, from, m.group(4), m.group(5), m.group(6));
                endpoint(f, to, m.group(8), m.group(9), m.group(10));
                user(f, inbound ? m.group(7) : m.group(11));
                outcome(f, "connection-built", "success");
            });
            case "302014", "302016" -> match(P3020XX_TEARDOWN, body, m -> {
                f.put("event.category", List.of("network"));
                f.put("event.type", List.of("connection", "end"));
                transport(f, m.group(1));
                f.put("fenghuo.cisco_asa.connection_id", m.group(2));
                endpoint(f, "source", m.group(3), m.group(4), m.group(5));
                endpoint(f, "destination", m.group(7), m.group(8), m.group(9));
                user(f, m.group(6));
                long seconds = Long.parseLong(m.group(11)) * 3600 + Long.parseLong(m.group(12)) * 60
                        + Long.parseLong(m.group(13));
                f.put("event.duration", seconds * 1_000_000_000L);
                f.put("network.bytes", PayloadText.number(m.group(14)));
                // "<reason> (<user>)": split by hand, a lazy group before an optional "(...)" rescanned
                // the rest of the line at every " (" (quadratic on a hostile line)
                String rest = m.group(15);
                String reasonText = rest;
                String teardownUser = null;
                if (rest != null && rest.endsWith(")")) {
                    int open = rest.lastIndexOf('(');
                    if (open >= 0) {
                        teardownUser = rest.substring(open + 1, rest.length() - 1);
                        reasonText = open == 0 ? null : rest.substring(0, open).stripTrailing();
                    }
                }
                f.put("event.reason", reasonText);
                user(f, teardownUser);
                outcome(f, "connection-teardown", "success");
            });
            case "113004" -> match(P113004, body, m -> {
                auth(f, m.group(1), "success");
                f.put("fenghuo.cisco_asa.aaa_server", m.group(2));
                f.put("user.name", m.group(3));
            });
            case "113005", "113015" -> match(P113005, body, m -> {
                auth(f, m.group(1), "failure");
                f.put("event.reason", m.group(2));
                f.put("fenghuo.cisco_asa.aaa_server", m.group(3));
                f.put("user.name", m.group(4));
                f.put("source.ip", m.group(5));
            });
            case "605004", "605005" -> match(P60500X, body, m -> {
                boolean permitted = m.group(1).equals("permitted");
                f.put("event.category", List.of("authentication"));
                f.put("event.type", List.of("start", permitted ? "allowed" : "denied"));
                f.put("source.ip", m.group(2));
                f.put("source.port", PayloadText.number(m.group(3)));
                f.put("observer.ingress.interface.name", m.group(4));
                f.put("destination.ip", m.group(5));
                f.put("network.protocol", m.group(6).toLowerCase(java.util.Locale.ROOT));
                f.put("user.name", m.group(7));
                outcome(f, "login-" + m.group(1), permitted ? "success" : "failure");
            });
            case "111008" -> match(P111008, body, m -> {
                f.put("event.category", List.of("configuration"));
                f.put("event.type", List.of("change"));
                f.put("user.name", m.group(1));
                f.put("process.command_line", m.group(2));
                outcome(f, "command-executed", "success");
            });
            case "710003" -> match(P710003, body, m -> {
                network(f, "denied", m.group(1));
                f.put("source.ip", m.group(2));
                f.put("source.port", PayloadText.number(m.group(3)));
                endpoint(f, "destination", m.group(4), m.group(5), m.group(6));
                outcome(f, "deny", "failure");
            });
            case "733100" -> match(P733100, body, m -> {
                f.put("event.category", List.of("intrusion_detection", "network"));
                f.put("event.type", List.of("info"));
                f.put("event.kind", "alert");
                f.put("rule.name", m.group(1).strip());
                f.put("fenghuo.cisco_asa.rate_id", m.group(2));
                f.put("event.action", "threat-detected");
            });
            default -> true;
        };
    }

    private static boolean match(Pattern p, String body, java.util.function.Consumer<Matcher> read) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            return false;
        }
        read.accept(m);
        return true;
    }

    private static void network(EcsFields f, String allowedOrDenied, String protocol) {
        f.put("event.category", List.of("network"));
        f.put("event.type", List.of("connection", allowedOrDenied));
        transport(f, protocol);
    }

    private static void transport(EcsFields f, String protocol) {
        PayloadText.putTransport(f, protocol.toLowerCase(java.util.Locale.ROOT));
    }

    private static void endpoint(EcsFields f, String side, String iface, String ip, String port) {
        f.put(side.equals("source") ? "observer.ingress.interface.name" : "observer.egress.interface.name", iface);
        f.put(side + ".ip", ip);
        f.put(side + ".port", PayloadText.number(port));
    }

    private static void user(EcsFields f, String idfw) {
        if (idfw != null && !idfw.isBlank() && !idfw.contains(" ")) {
            f.putIfAbsent("user.name", idfw);
        }
    }

    private static void auth(EcsFields f, String what, String outcome) {
        f.put("event.category", List.of("authentication"));
        f.put("event.type", List.of("info"));
        outcome(f, "aaa-" + what, outcome);
    }

    private static void outcome(EcsFields f, String action, String outcome) {
        f.put("event.action", action);
        f.put("event.outcome", outcome);
    }
}
