package org.fenghuo.correlation.pack;

import java.time.Instant;

/**
 * Text the pack's EPL messages are made of. Static and public because Esper's generated code calls
 * it by its full name; pure functions, no state.
 */
public final class PackText {
    private PackText() {
    }

    /** {@code " [source.ip=a destination.ip=b user.name=c host.name=d]"} without the absent ones. */
    public static String entities(String sourceIp, String destinationIp, String user, String host) {
        StringBuilder b = new StringBuilder(" [");
        append(b, "source.ip", sourceIp);
        append(b, "destination.ip", destinationIp);
        append(b, "user.name", user);
        append(b, "host.name", host);
        return b.append(']').toString();
    }

    private static void append(StringBuilder b, String key, String value) {
        if (value != null) {
            b.append(b.length() > 2 ? " " : "").append(key).append('=').append(value);
        }
    }

    /** Epoch millis as ISO-8601 UTC; {@code ?} when unknown. */
    public static String iso(Number millis) {
        return millis == null ? "?" : Instant.ofEpochMilli(millis.longValue()).toString();
    }

    /** {@code " as <user>"}, or nothing. */
    public static String asUser(String user) {
        return user == null ? "" : " as " + user;
    }
}
