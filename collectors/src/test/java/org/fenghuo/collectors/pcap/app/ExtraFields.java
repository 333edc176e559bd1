package org.fenghuo.collectors.pcap.app;

import java.util.Map;
import org.fenghuo.events.SecurityEvent;

/** Reads a protocol-specific field of an event's {@link SecurityEvent#extra()} by its dotted name. */
public final class ExtraFields {
    private ExtraFields() {
    }

    /**
     * The value at {@code dotted} (e.g. {@code "fenghuo.ics.s7comm.function"}), walking nested maps;
     * null when a part is absent. A step on the way that is there but not a map fails the test
     * (AssertionError): the field's place in the event is not what the test expects.
     */
    public static Object get(SecurityEvent e, String dotted) {
        Object at = e.extra();
        for (String part : dotted.split("\\.")) {
            if (at == null) {
                return null;
            }
            if (!(at instanceof Map<?, ?> m)) {
                throw new AssertionError("not a map on the way to " + dotted + ": " + at);
            }
            at = m.get(part);
        }
        return at;
    }
}
