package org.fenghuo.collectors.syslog;

/** The two syslog wire formats; each names its {@code event.dataset}. */
public enum SyslogFormat {
    RFC5424("syslog.rfc5424"),
    RFC3164("syslog.rfc3164");

    private final String dataset;

    SyslogFormat(String dataset) {
        this.dataset = dataset;
    }

    public String dataset() {
        return dataset;
    }
}
