package org.fenghuo.collectors.syslog;

import java.time.Instant;
import java.util.Map;

/**
 * One parsed syslog message, before it is mapped to a {@code SecurityEvent}. Absent fields
 * (RFC 5424 NILVALUE {@code -}, or not present in RFC 3164) are null.
 *
 * @param format         which RFC the line followed
 * @param priority       PRI (facility * 8 + severity), null when the line had none (files)
 * @param version        RFC 5424 VERSION, null for RFC 3164
 * @param timestamp      the header's time, null for RFC 5424 NILVALUE
 * @param hostname       HOSTNAME
 * @param appName        APP-NAME, or the RFC 3164 TAG
 * @param procId         PROCID, or the RFC 3164 {@code [pid]}
 * @param msgId          MSGID (RFC 5424 only)
 * @param structuredData SD-ID to its parameters, in order (RFC 5424 only; null when NILVALUE)
 * @param message        MSG without a leading BOM; null when absent or empty
 */
public record SyslogMessage(
        SyslogFormat format,
        Integer priority,
        String version,
        Instant timestamp,
        String hostname,
        String appName,
        String procId,
        String msgId,
        Map<String, Map<String, String>> structuredData,
        String message) {
}
