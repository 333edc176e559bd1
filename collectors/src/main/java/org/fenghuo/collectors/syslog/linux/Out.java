package org.fenghuo.collectors.syslog.linux;

import java.util.List;
import org.fenghuo.collectors.syslog.payload.EcsFields;

/**
 * The fields one message maps to, plus the first thing that made it unreadable (a port above
 * 65535, a count that is not a number). Mappings write here instead of throwing, so a parser
 * turns the problem into {@code Malformed} with a reason. One instance per message.
 */
public final class Out {

    private final EcsFields fields = new EcsFields();
    private String problem;

    public EcsFields fields() {
        return fields;
    }

    /** The first problem recorded, or null. */
    public String problem() {
        return problem;
    }

    public Out put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** {@code event.category}, {@code event.type}, {@code event.action} and {@code event.outcome} at once (nulls skipped). */
    public Out event(List<String> category, List<String> type, String action, String outcome) {
        fields.put("event.kind", "event");
        fields.put("event.category", category);
        fields.put("event.type", type);
        fields.put("event.action", action);
        fields.put("event.outcome", outcome);
        return this;
    }

    public Out host(String prefix, String host) {
        Addresses.putHost(fields, prefix, host);
        return this;
    }

    public Out port(String prefix, String digits) {
        if (!Addresses.putPort(fields, prefix, digits)) {
            problem("port '" + digits + "' is not a port number");
        }
        return this;
    }

    /** Puts a decimal count or id as a Long; records a problem when it is not one. */
    public Out number(String name, String digits) {
        if (digits == null || digits.isEmpty()) {
            return this;
        }
        if (digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            problem(name + " '" + digits + "' is not a decimal number");
            return this;
        }
        fields.put(name, Long.parseLong(digits));
        return this;
    }

    public Out problem(String reason) {
        if (problem == null) {
            problem = reason;
        }
        return this;
    }
}
