package org.fenghuo.collectors.syslog.payload;

/**
 * The information-center header Huawei VRP and H3C Comware put before their log text:
 * {@code %%<version 2 digits><MODULE>/<severity 0-7>/<BRIEF>[(<type>)][[<seq>]]:<description>}
 * (Huawei writes version {@code 01}, H3C {@code 10}).
 *
 * @param version     the two digits after {@code %%}
 * @param module      e.g. POLICY, SECLOG, FILTER, SHELL
 * @param severity    0 (emergency) to 7 (debug)
 * @param brief       e.g. POLICYPERMIT, FILTER_ZONE_IPV4_EXECUTION
 * @param description the text after the colon, stripped
 */
public record InfoCenterHeader(String version, String module, int severity, String brief, String description) {

    /** The header at the start of {@code text} (which starts with {@code %%}), or null when it is not one. */
    public static InfoCenterHeader read(String text) {
        int n = text.length();
        if (n < 8 || !text.startsWith("%%") || !Character.isDigit(text.charAt(2)) || !Character.isDigit(text.charAt(3))) {
            return null;
        }
        int slash1 = text.indexOf('/', 4);
        if (slash1 < 5 || slash1 + 2 >= n || text.charAt(slash1 + 2) != '/') {
            return null;
        }
        char sev = text.charAt(slash1 + 1);
        if (sev < '0' || sev > '7') {
            return null;
        }
        int colon = text.indexOf(':', slash1 + 3);
        if (colon < 0) {
            return null;
        }
        int briefEnd = slash1 + 3;
        while (briefEnd < colon && text.charAt(briefEnd) != '(' && text.charAt(briefEnd) != '[') {
            briefEnd++;
        }
        if (briefEnd == slash1 + 3) {
            return null;
        }
        return new InfoCenterHeader(text.substring(2, 4), text.substring(4, slash1), sev - '0',
                text.substring(slash1 + 3, briefEnd), text.substring(colon + 1).strip());
    }

    /** The fields every information-center log gives: observer, event.code (MODULE/BRIEF), severity, level, message. */
    public void putCommon(EcsFields f, String vendor, String product) {
        f.put("observer.vendor", vendor);
        f.put("observer.product", product);
        f.put("observer.type", "firewall");
        f.put("event.code", module + "/" + brief);
        f.put("event.severity", (long) severity);
        f.put("log.level", level());
        f.put("message", description);
    }

    /** Log levels by severity, as the information center names them. */
    public String level() {
        return switch (severity) {
            case 0 -> "emergency";
            case 1 -> "alert";
            case 2 -> "critical";
            case 3 -> "error";
            case 4 -> "warning";
            case 5 -> "notification";
            case 6 -> "informational";
            default -> "debug";
        };
    }
}
