package org.fenghuo.collectors.syslog.payload;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What a payload parser sees of one syslog message.
 *
 * @param hostname the header's HOSTNAME, or null
 * @param appName  APP-NAME (RFC 5424) or TAG (RFC 3164), or null
 * @param message  MSG, never null (a message without MSG is not offered to payload parsers)
 * @param zone     the input's configured zone, in which payload times without a zone are read
 *                 (FortiGate {@code date}/{@code time} without {@code tz}, PAN-OS, ...); UTC when null
 */
public record PayloadInput(String hostname, String appName, String message, ZoneId zone) {
    public PayloadInput {
        if (message == null) {
            throw new IllegalArgumentException("message is required");
        }
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    /** In UTC. */
    public PayloadInput(String hostname, String appName, String message) {
        this(hostname, appName, message, ZoneOffset.UTC);
    }
}
