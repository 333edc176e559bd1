package org.fenghuo.collectors.syslog.payload;

/**
 * What a payload parser sees of one syslog message.
 *
 * @param hostname the header's HOSTNAME, or null
 * @param appName  APP-NAME (RFC 5424) or TAG (RFC 3164), or null
 * @param message  MSG, never null (a message without MSG is not offered to payload parsers)
 */
public record PayloadInput(String hostname, String appName, String message) {
    public PayloadInput {
        if (message == null) {
            throw new IllegalArgumentException("message is required");
        }
    }
}
