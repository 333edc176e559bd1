package org.fenghuo.collectors.syslog;

/** Facility and severity codes and names of a syslog PRI (RFC 5424 section 6.2.1). */
public final class SyslogPriority {

    /** Highest valid PRI: facility 23 (local7), severity 7 (debug). */
    public static final int MAX = 191;

    // the names rsyslog and most tools print, so analysts can search for what they know
    private static final String[] FACILITIES = {
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
        "uucp", "cron", "authpriv", "ftp", "ntp", "audit", "alert", "clock",
        "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7"};

    // ECS's own example spells severities this way (log.syslog.severity.name: "Error")
    private static final String[] SEVERITIES = {
        "Emergency", "Alert", "Critical", "Error", "Warning", "Notice", "Informational", "Debug"};

    private SyslogPriority() {
    }

    public static int facility(int priority) {
        return priority >> 3;
    }

    public static int severity(int priority) {
        return priority & 7;
    }

    public static String facilityName(int priority) {
        return FACILITIES[facility(priority)];
    }

    public static String severityName(int priority) {
        return SEVERITIES[severity(priority)];
    }
}
